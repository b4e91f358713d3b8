import { isoDateSchema } from '@waymark/domain';
import { z } from 'zod';

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

export type ProgressReportBody = z.infer<typeof progressReportBodySchema>;
export type ProgressReportView = z.infer<typeof progressReportSchema>;
