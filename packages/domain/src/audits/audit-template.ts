/**
 * The shape of an audit form template (policy Appendix 1). Templates are data: each published version
 * is kept, and an audit keeps the version it was answered on, so the annual policy review can change
 * the questions without rewriting past audits.
 */
import { z } from 'zod';

export const structuredFieldSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: z.string().min(1),
  kind: z.enum(['text', 'date', 'money', 'checklist']),
  /** For a checklist: the options to tick. */
  options: z.array(z.string().min(1)).optional(),
  /** Must be filled when the question is answered Yes. */
  requiredWhenYes: z.boolean().default(false),
});

export const auditQuestionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  text: z.string().trim().min(1, 'Write the question, or remove it'),
  /** Open questions ("How…?", "Who…?") need the comment filled as well as Yes or No. */
  commentRequired: z.boolean().default(false),
  /** What the comment box should hold, from the form's Comment column. */
  commentHint: z.string().optional(),
  fields: z.array(structuredFieldSchema).default([]),
});

export const auditSectionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.string().trim().min(1, 'Give the section a title'),
  guidance: z.string().optional(),
  questions: z.array(auditQuestionSchema).min(1),
});

/** The auditor's overall judgement; approval reads it, so every version of the form must keep it. */
export const SUITABILITY_QUESTION_ID = 'suitable';

export const auditTemplateSchema = z
  .object({
    title: z.string().min(1),
    /** The policy document and issue it implements. */
    policyReference: z.string().min(1),
    sections: z.array(auditSectionSchema).min(1),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    const all = template.sections.flatMap((section) => section.questions.map((q) => q.id));
    if (!all.includes(SUITABILITY_QUESTION_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: 'Keep the final suitability question: a provider’s approval depends on its answer',
      });
    }
    for (const [s, section] of template.sections.entries()) {
      for (const [q, question] of section.questions.entries()) {
        if (seen.has(question.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', s, 'questions', q, 'id'],
            message: `Question id ${question.id} is used twice`,
          });
        }
        seen.add(question.id);
      }
    }
  });

export type AuditTemplate = z.infer<typeof auditTemplateSchema>;
export type AuditSection = z.infer<typeof auditSectionSchema>;
export type AuditQuestion = z.infer<typeof auditQuestionSchema>;
export type StructuredField = z.infer<typeof structuredFieldSchema>;

export const fieldValueSchema = z.union([z.string().max(2000), z.array(z.string().max(200)).max(50)]);

export const auditAnswerSchema = z.strictObject({
  answer: z.enum(['yes', 'no']).nullable().default(null),
  comment: z.string().max(4000).default(''),
  fields: z.record(z.string(), fieldValueSchema).default({}),
});

export type AuditAnswer = z.infer<typeof auditAnswerSchema>;
export type AuditAnswers = Record<string, AuditAnswer>;
