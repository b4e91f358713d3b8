/**
 * "All sections/questions must be completed" (Appendix 1). Lists exactly what is missing, so an audit
 * is either complete or the auditor is told each question still to answer.
 */
import type { AuditAnswers, AuditTemplate } from './audit-template.ts';

export interface MissingAnswer {
  questionId: string;
  section: string;
  question: string;
  /** What is missing: the Yes/No answer, the comment, or a named detail. */
  missing: string;
}

function isFilled(value: string | string[] | undefined): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value?.trim());
}

export function findMissingAnswers(template: AuditTemplate, answers: AuditAnswers): MissingAnswer[] {
  const missing: MissingAnswer[] = [];
  for (const section of template.sections) {
    for (const question of section.questions) {
      const answer = answers[question.id];
      const at = { questionId: question.id, section: section.title, question: question.text };
      if (!answer?.answer) {
        missing.push({ ...at, missing: 'Yes or No' });
        continue;
      }
      if (question.commentRequired && !answer.comment.trim()) missing.push({ ...at, missing: 'a comment' });
      if (answer.answer === 'yes') {
        for (const field of question.fields) {
          if (field.requiredWhenYes && !isFilled(answer.fields[field.id]))
            missing.push({ ...at, missing: field.label });
        }
      }
    }
  }
  return missing;
}

export function countQuestions(template: AuditTemplate): number {
  return template.sections.reduce((n, s) => n + s.questions.length, 0);
}
