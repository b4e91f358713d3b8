/**
 * Request and response shapes of the provider notices routes (a change of DSL, deputy, leadership,
 * staff or filtering the provider undertook to tell the school about). The request is the domain's
 * own `providerNoticeInputSchema`; the web validates its form with it before sending.
 */
import { z } from 'zod';
import { providerNoticeInputSchema, providerNoticeKinds } from '../providers/notices.ts';

export { providerNoticeInputSchema };

export const noticeDeadlines = ['same_day', 'before_deployment', 'one_working_day', 'termly'] as const;

export const noticeSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  kind: z.enum(providerNoticeKinds),
  effectiveOn: z.string(),
  details: z.string(),
  source: z.enum(['portal', 'school']),
  reportedByName: z.string(),
  reportedAt: z.iso.datetime(),
  checksAssured: z.boolean().nullable(),
  deadline: z.enum(noticeDeadlines),
  /** Told later than the undertaking allows. */
  late: z.boolean(),
});
export const noticeListSchema = z.object({ notices: z.array(noticeSchema) });

/** A notice a provider owes now (the termly filtering and monitoring assurance), for the provider's home. */
export const noticeDueSchema = z.object({
  providerId: z.uuid(),
  providerName: z.string(),
  kind: z.enum(providerNoticeKinds),
  /** "Filtering and monitoring assurance for Autumn 2026". */
  item: z.string(),
  /** The day it fell due: the term's first day. */
  dueSince: z.string(),
});
export const noticesDueSchema = z.object({ due: z.array(noticeDueSchema) });
export type NoticeDue = z.infer<typeof noticeDueSchema>;

/** From the portal a provider staff member with more than one provider names which one. */
export const portalNoticeInputSchema = providerNoticeInputSchema.extend({ providerId: z.uuid().optional() });

export type ProviderNotice = z.infer<typeof noticeSchema>;
export type NoticeDeadline = (typeof noticeDeadlines)[number];
export type ProviderNoticeRequest = z.input<typeof providerNoticeInputSchema>;
