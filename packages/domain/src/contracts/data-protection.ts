/**
 * Response shapes of the data protection routes: the retention schedule with the records past it, and
 * the record of what was shared with providers.
 */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';
import { type RetentionKind, retentionKinds } from '../data-protection/retention.ts';

export const retentionReportSchema = z.object({
  schedule: z.array(
    z.object({
      kind: z.enum(Object.keys(retentionKinds) as [RetentionKind]),
      label: z.string(),
      from: z.enum(['date_of_birth', 'entry_date']),
      years: z.number(),
      /** False where the period is a default the group should confirm with its own guidance. */
      confirmed: z.boolean(),
      changedLocally: z.boolean(),
    }),
  ),
  pupilRecordsPast: z.array(
    z.object({
      pupilId: z.uuid(),
      name: z.string(),
      school: z.string(),
      dateOfBirth: z.string(),
      keptUntil: z.string(),
    }),
  ),
  registerEntriesPast: z.object({ before: z.string(), entries: z.number() }),
  keptDocuments: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      pupilName: z.string(),
      keptUntil: z.string(),
      past: z.boolean(),
    }),
  ),
});

export const sharingQuerySchema = z.strictObject({
  providerId: z.uuid({ message: 'Not a provider id' }).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export const sharingRecordSchema = z.object({
  shares: z.array(
    z.object({
      sharedOn: z.string(),
      providerId: z.uuid(),
      provider: z.string(),
      school: z.string(),
      pupil: z.string(),
      placementId: z.uuid(),
      what: z.string(),
      method: z.string(),
      sharedBy: z.string(),
    }),
  ),
});

export type RetentionReport = z.infer<typeof retentionReportSchema>;
export type Share = z.infer<typeof sharingRecordSchema>['shares'][number];
