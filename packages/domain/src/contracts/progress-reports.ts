/**
 * Request and response shapes of the progress report routes (a provider's report on a pupil for the
 * half-termly review): the API validates with them, the web's form checks with them and takes its types.
 */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';

const section = (what: string) =>
  z.string().trim().min(1, `Write about ${what}`).max(4000, 'Keep this under 4,000 characters');

export const progressReportBodySchema = z.strictObject({
  reportedOn: isoDateSchema,
  learning: section('the pupil’s learning and progress against their objectives'),
  attendanceAndBehaviour: section('attendance and behaviour'),
  wellbeing: z.string().trim().max(4000, 'Keep this under 4,000 characters').default(''),
  nextSteps: section('the next steps'),
});

export const progressReportSchema = z.object({
  id: z.uuid(),
  reportedOn: z.string(),
  learning: z.string(),
  attendanceAndBehaviour: z.string(),
  wellbeing: z.string(),
  nextSteps: z.string(),
  submittedByName: z.string(),
  submittedAt: z.iso.datetime(),
});

/** A progress report the provider owes for a pupil this half-term, for the provider's home. */
export const progressReportDueSchema = z.object({
  placementId: z.uuid(),
  pupilName: z.string(),
  schoolName: z.string(),
  /** "Spring 1 2025/26". */
  halfTerm: z.string(),
  /** The last day a report counts for the half-term. */
  dueBy: z.string(),
});
export const progressReportsDueSchema = z.object({ due: z.array(progressReportDueSchema) });

export type ProgressReportBody = z.infer<typeof progressReportBodySchema>;
export type ProgressReportRequest = z.input<typeof progressReportBodySchema>;
export type ProgressReportView = z.infer<typeof progressReportSchema>;
export type ProgressReportDue = z.infer<typeof progressReportDueSchema>;
