/**
 * Changes a provider must tell the school about (Appendix 2 undertakings). A change of DSL, deputy
 * DSL or senior leadership makes a new safeguarding assurance letter due: the assurance was given by
 * people who may no longer be in post.
 */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/iso-date.ts';

export const providerNoticeKinds = ['dsl_change', 'deputy_dsl_change', 'senior_leadership_change'] as const;
export type ProviderNoticeKind = (typeof providerNoticeKinds)[number];

export const providerNoticeLabels: Record<ProviderNoticeKind, string> = {
  dsl_change: 'A new designated safeguarding lead (DSL)',
  deputy_dsl_change: 'A new deputy DSL',
  senior_leadership_change: 'A change of senior leadership',
};

/** Notices after which the last safeguarding assurance letter no longer counts. */
export const noticesThatMakeALetterDue: readonly ProviderNoticeKind[] = [
  'dsl_change',
  'deputy_dsl_change',
  'senior_leadership_change',
];

const whatChanged = 'Say what changed: who left, who took over, and their role';

export const providerNoticeInputSchema = z.strictObject({
  kind: z.enum(providerNoticeKinds, { message: 'Choose what has changed' }),
  effectiveOn: isoDateSchema,
  details: z
    .string({ error: whatChanged })
    .trim()
    .min(3, whatChanged)
    .max(2000, 'Keep this under 2,000 characters'),
});
export type ProviderNoticeInput = z.infer<typeof providerNoticeInputSchema>;
