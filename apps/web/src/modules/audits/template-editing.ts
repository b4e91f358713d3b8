/**
 * Edits of an audit form template, as pure functions over the template, so the editor page holds
 * only state and layout. Structured fields travel with their question untouched.
 */
import type { AuditQuestion, AuditTemplate } from '@waymark/domain';

export function updateSection(
  template: AuditTemplate,
  sectionIndex: number,
  change: { title?: string; guidance?: string },
): AuditTemplate {
  return {
    ...template,
    sections: template.sections.map((s, i) => (i === sectionIndex ? { ...s, ...change } : s)),
  };
}

export function updateQuestion(
  template: AuditTemplate,
  sectionIndex: number,
  questionIndex: number,
  change: Partial<Pick<AuditQuestion, 'text' | 'commentRequired' | 'commentHint'>>,
): AuditTemplate {
  return {
    ...template,
    sections: template.sections.map((s, i) =>
      i === sectionIndex
        ? { ...s, questions: s.questions.map((q, j) => (j === questionIndex ? { ...q, ...change } : q)) }
        : s,
    ),
  };
}

export function removeQuestion(
  template: AuditTemplate,
  sectionIndex: number,
  questionIndex: number,
): AuditTemplate {
  return {
    ...template,
    sections: template.sections.map((s, i) =>
      i === sectionIndex ? { ...s, questions: s.questions.filter((_, j) => j !== questionIndex) } : s,
    ),
  };
}

/** A stable id for a new question: from its section, numbered past every id already used. */
function newQuestionId(template: AuditTemplate, sectionId: string): string {
  const used = new Set(template.sections.flatMap((s) => s.questions.map((q) => q.id)));
  for (let n = 1; ; n++) {
    const id = `${sectionId}_added_${n}`;
    if (!used.has(id)) return id;
  }
}

export function addQuestion(template: AuditTemplate, sectionIndex: number): AuditTemplate {
  const section = template.sections[sectionIndex];
  if (!section) return template;
  const question: AuditQuestion = {
    id: newQuestionId(template, section.id),
    text: '',
    commentRequired: false,
    fields: [],
  };
  return {
    ...template,
    sections: template.sections.map((s, i) =>
      i === sectionIndex ? { ...s, questions: [...s.questions, question] } : s,
    ),
  };
}

export function questionCount(template: AuditTemplate): number {
  return template.sections.reduce((n, s) => n + s.questions.length, 0);
}
