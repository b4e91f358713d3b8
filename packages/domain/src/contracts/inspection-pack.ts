/**
 * Request and response shapes of the inspection pack: every pupil educated off-site at a school on a
 * day, the providers they attend and the school's oversight of each, and what is overdue.
 */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';

export const inspectionPackQuerySchema = z.object({
  school: z.uuid({ message: 'Choose a school' }),
  date: isoDateSchema.optional(),
});

const isoDate = z.string();
const visitLink = z.object({ on: isoDate, link: z.string() });

export const inspectionPackSchema = z.object({
  school: z.object({ id: z.uuid(), name: z.string() }),
  date: isoDate,
  /** The first day of the term and of the academic year the date falls in, where the calendar has them. */
  termFrom: isoDate.nullable(),
  yearFrom: isoDate.nullable(),
  pupils: z.array(
    z.object({
      placementId: z.uuid(),
      pupilId: z.uuid(),
      pupilName: z.string(),
      upn: z.string(),
      yearGroup: z.number(),
      providerId: z.uuid(),
      providerName: z.string(),
      type: z.string(),
      days: z.array(z.string()),
      hoursPerWeek: z.number(),
      startsOn: isoDate.nullable(),
      registration: z.enum(['B', 'D', 'K']),
      ehcp: z.boolean(),
      lookedAfter: z.boolean(),
      reason: z.string(),
      objectives: z.array(z.string()),
      link: z.string(),
    }),
  ),
  providers: z.array(
    z.object({
      providerId: z.uuid(),
      name: z.string(),
      status: z.string(),
      approvedOn: isoDate.nullable(),
      lastAudit: visitLink.extend({ outcome: z.string() }).nullable(),
      letterOn: isoDate.nullable(),
      letterOverdue: z.boolean(),
      insuranceExpiresOn: isoDate.nullable(),
      insuranceOverdue: z.boolean(),
      lastQaVisit: visitLink.extend({ overall: z.string().nullable() }).nullable(),
      qaOverdue: z.boolean(),
      openActions: z.number(),
      actionsOverdue: z.boolean(),
      link: z.string(),
    }),
  ),
  placements: z.array(
    z.object({
      placementId: z.uuid(),
      pupilName: z.string(),
      providerName: z.string(),
      attendanceTerm: z.number().nullable(),
      attendanceYear: z.number().nullable(),
      lastReviewOn: isoDate.nullable(),
      nextReviewOn: isoDate.nullable(),
      reviewOverdue: z.boolean(),
      openSafeguardingConcerns: z.number(),
      lastPupilVoiceOn: isoDate.nullable(),
      link: z.string(),
      attendanceLink: z.string(),
    }),
  ),
  overdue: z.array(z.object({ title: z.string(), dueOn: isoDate, link: z.string() })),
});

export type InspectionPack = z.infer<typeof inspectionPackSchema>;
