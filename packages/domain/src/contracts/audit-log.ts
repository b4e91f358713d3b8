/**
 * Request and response shapes of the audit log routes: events in reach, filtered and a page at a time,
 * and the check of the log's hash chain.
 */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';
import { pageInfoSchema, pageQuerySchema } from './pagination.ts';

export const auditQuerySchema = pageQuerySchema
  .extend({
    action: z.string().max(100).optional(),
    recordType: z.string().max(100).optional(),
    actorUserId: z.uuid().optional(),
    schoolId: z.uuid().optional(),
    search: z.string().trim().max(100).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The end date must be on or after the start date',
    path: ['to'],
  });

export const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  schoolId: z.uuid().nullable(),
  summary: z.string(),
  changes: z
    .record(z.string(), z.object({ from: z.unknown().optional(), to: z.unknown().optional() }))
    .nullable(),
  ipAddress: z.string().nullable(),
});

export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  actions: z.array(z.string()),
  pageInfo: pageInfoSchema,
});

export const chainVerificationSchema = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  breaks: z.array(
    z.object({
      chainSeq: z.number().int(),
      eventId: z.number().int().nullable(),
      problem: z.enum(['changed', 'link_broken', 'missing', 'head_mismatch']),
      detail: z.string(),
    }),
  ),
});

export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type ChainVerification = z.infer<typeof chainVerificationSchema>;
