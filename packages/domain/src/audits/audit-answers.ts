/**
 * Checks the values in a saved audit, draft or not: answers only to the template's own questions,
 * ticks only from a checklist's options, real dates, amounts in pounds. Completeness is separate
 * (audit-completeness.ts), because a draft may be incomplete but never wrong.
 */

import { isValidIsoDate } from '../calendar/iso-date.ts';
import type { FieldError } from '../errors/error-body.ts';
import type { AuditAnswers, AuditTemplate } from './audit-template.ts';

export function checkAnswerValues(template: AuditTemplate, answers: AuditAnswers): FieldError[] {
  const errors: FieldError[] = [];
  const questions = new Map(template.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  for (const [questionId, answer] of Object.entries(answers)) {
    const question = questions.get(questionId);
    if (!question) {
      errors.push({ path: `answers.${questionId}`, message: 'This form has no such question' });
      continue;
    }
    const fields = new Map(question.fields.map((f) => [f.id, f]));
    for (const [fieldId, value] of Object.entries(answer.fields)) {
      const field = fields.get(fieldId);
      const path = `answers.${questionId}.fields.${fieldId}`;
      if (!field) {
        errors.push({ path, message: 'This question has no such detail' });
      } else if (field.kind === 'checklist') {
        const unknown = (Array.isArray(value) ? value : [value]).filter((v) => !field.options?.includes(v));
        if (!Array.isArray(value)) errors.push({ path, message: 'Tick the items that apply' });
        else if (unknown.length) errors.push({ path, message: `Not on the list: ${unknown.join(', ')}` });
      } else if (typeof value !== 'string') {
        errors.push({ path, message: 'Enter text here' });
      } else if (value.trim() && field.kind === 'date' && !isValidIsoDate(value.trim())) {
        errors.push({ path, message: 'Enter a real date in the form YYYY-MM-DD' });
      } else if (
        value.trim() &&
        field.kind === 'money' &&
        !/^\d{1,10}(\.\d{1,2})?$/.test(value.replace(/[£,\s]/g, ''))
      ) {
        errors.push({ path, message: 'Enter an amount in pounds, like 5000000' });
      }
    }
  }
  return errors;
}
