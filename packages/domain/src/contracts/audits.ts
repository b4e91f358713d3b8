/**
 * Request and response shapes of the provider audit routes (Appendix 1) and of the audit form's
 * published versions: the API validates and documents with them, the web takes its types from them.
 */
import { z } from 'zod';
import { auditAnswerSchema, auditTemplateSchema } from '../audits/audit-template.ts';

export const auditParamsSchema = z.object({ auditId: z.uuid({ message: 'Not an audit id' }) });

const visitSchema = {
  visitedAt: z.iso.datetime({ offset: true, message: 'Enter the date and time of the visit' }),
  auditorName: z.string().trim().min(1, 'Enter who completed the visit or audit').max(120),
};

export const startAuditBodySchema = z.strictObject(visitSchema);

export const saveAuditBodySchema = z.strictObject({
  visitedAt: visitSchema.visitedAt.optional(),
  auditorName: visitSchema.auditorName.optional(),
  answers: z.record(z.string().max(60), auditAnswerSchema),
});

export const publishTemplateBodySchema = z.strictObject({
  template: auditTemplateSchema,
  notes: z
    .string()
    .trim()
    .min(1, 'Say what changed, for example “Annual policy review, September 2027”')
    .max(500),
});

export const templateSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  policyReference: z.string(),
  questionCount: z.number().int(),
  publishedAt: z.iso.datetime(),
  notes: z.string(),
});

export const auditSummarySchema = z.object({
  id: z.uuid(),
  status: z.enum(['draft', 'submitted']),
  visitedAt: z.iso.datetime(),
  auditorName: z.string(),
  templateVersion: z.number().int(),
  answered: z.number().int(),
  questionCount: z.number().int(),
  suitable: z.boolean().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});

export const auditViewSchema = auditSummarySchema.extend({
  providerId: z.uuid(),
  providerName: z.string(),
  template: auditTemplateSchema,
  answers: z.record(z.string(), auditAnswerSchema),
  missing: z.array(
    z.object({ questionId: z.string(), section: z.string(), question: z.string(), missing: z.string() }),
  ),
});

/** The form new audits use, with its questions. */
export const templateWithQuestionsSchema = templateSummarySchema.extend({ template: auditTemplateSchema });

export type AuditSummary = z.infer<typeof auditSummarySchema>;
export type AuditView = z.infer<typeof auditViewSchema>;
export type AuditTemplateSummary = z.infer<typeof templateSummarySchema>;
export type AuditTemplateWithQuestions = z.infer<typeof templateWithQuestionsSchema>;
export type StartAuditRequest = z.input<typeof startAuditBodySchema>;
export type SaveAuditRequest = z.input<typeof saveAuditBodySchema>;
export type PublishTemplateRequest = z.input<typeof publishTemplateBodySchema>;
