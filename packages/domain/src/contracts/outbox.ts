/** Response shapes of the outbox routes: every email Waymark sends for a group, and retrying one. */
import { z } from 'zod';
import { pageInfoSchema, pageQuerySchema } from './pagination.ts';

export const emailStatuses = ['queued', 'sent', 'failed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];
export const emailStatusLabels: Record<EmailStatus, string> = {
  queued: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
};

export const emailSummarySchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  toAddress: z.string(),
  toName: z.string().nullable(),
  subject: z.string(),
  status: z.enum(emailStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export const emailViewSchema = emailSummarySchema.extend({
  bodyText: z.string(),
  messageId: z.string().nullable(),
});
export const emailParamsSchema = z.object({ emailId: z.uuid({ message: 'Not an email id' }) });

export const outboxQuerySchema = pageQuerySchema.extend({ status: z.enum(emailStatuses).optional() });
export const outboxPageSchema = z.object({
  mailServerConfigured: z.boolean(),
  emails: z.array(emailSummarySchema),
  pageInfo: pageInfoSchema,
});

export type EmailSummary = z.infer<typeof emailSummarySchema>;
export type EmailView = z.infer<typeof emailViewSchema>;
export type OutboxPage = z.infer<typeof outboxPageSchema>;
