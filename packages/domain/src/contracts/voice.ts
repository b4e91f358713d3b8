/**
 * Request and response shapes of the pupil and parent voice routes on a placement: this half-term's
 * requests and answers, a one-time link to send, and what changed because of what was said.
 */
import { z } from 'zod';
import { respondents } from '../voice/voice-forms.ts';

export const placementVoiceParams = z.object({ placementId: z.uuid({ message: 'Not a placement id' }) });

const sentence = (what: string) =>
  z.string().trim().min(3, `Say ${what}`).max(2000, 'Keep this under 2,000 characters');

export const voiceChangeBodySchema = z.strictObject({
  youSaid: sentence('what was said'),
  weDid: sentence('what was done about it'),
});

export const issueVoiceLinkBodySchema = z.strictObject({
  emailTo: z.string().trim().email('Not an email address').optional(),
});

export const placementVoiceSchema = z.object({
  /** Where a parent's link can be emailed: the parents and carers with an address on the record. */
  parentEmails: z.array(z.object({ name: z.string(), email: z.string() })),
  requests: z.array(
    z.object({
      id: z.uuid(),
      respondent: z.enum(respondents),
      halfTerm: z.string(),
      expiresOn: z.string(),
      status: z.enum(['not_sent', 'sent', 'answered', 'expired']),
      linkIssuedAt: z.iso.datetime().nullable(),
      answeredAt: z.iso.datetime().nullable(),
      withStaff: z.boolean(),
      answers: z.record(z.string(), z.union([z.number(), z.string()])).nullable(),
    }),
  ),
  changes: z.array(
    z.object({
      id: z.uuid(),
      youSaid: z.string(),
      weDid: z.string(),
      recordedByName: z.string(),
      recordedAt: z.iso.datetime(),
    }),
  ),
});

/** A one-time link (and its QR code) to the form; `emailedTo` when it went to a parent by email. */
export const voiceLinkSchema = z.object({
  url: z.string(),
  qrSvg: z.string(),
  expiresOn: z.string(),
  emailedTo: z.string().nullable(),
});

const averages = z.array(
  z.object({
    questionId: z.string(),
    text: z.string(),
    responses: z.number(),
    average: z.number().nullable(),
  }),
);

/** A provider's average answers, half-term by half-term (only half-terms with an answer). */
export const voiceTrendsSchema = z.object({
  halfTerms: z.array(z.object({ halfTerm: z.string(), pupil: averages, parent: averages })),
});

/** The form a one-time link opens: no account, only the respondent's first name and the provider. */
export const voiceFormSchema = z.object({
  respondent: z.enum(respondents),
  firstName: z.string(),
  providerName: z.string(),
  expiresOn: z.string(),
  questions: z.array(z.object({ id: z.string(), text: z.string(), kind: z.enum(['scale', 'words']) })),
  scale: z.array(z.object({ value: z.number(), face: z.string(), words: z.string() })),
});

export type PlacementVoice = z.infer<typeof placementVoiceSchema>;
export type VoiceTrends = z.infer<typeof voiceTrendsSchema>;
export type VoiceForm = z.infer<typeof voiceFormSchema>;
export type VoiceLink = z.infer<typeof voiceLinkSchema>;
export type VoiceChangeRequest = z.input<typeof voiceChangeBodySchema>;
