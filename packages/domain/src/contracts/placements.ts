import { z } from 'zod';
import {
  communicationKinds,
  DEFAULT_ATTENDANCE_TARGET_PERCENT,
  isoDateSchema,
  placementOutcomes,
  placementTypes,
  reviewDecisions,
  weekdayLabels,
  weekdays,
} from '../index.ts';
import { monthActivities } from '../placements/destinations.ts';

const text = (what: string, max = 2000) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `Keep this under ${max} characters`);
const optionalDate = isoDateSchema.nullable().default(null);

export const placementParams = z.object({ placementId: z.uuid({ message: 'Not a placement id' }) });

export const createPlacementSchema = z.strictObject({
  pupilId: z.uuid({ message: 'Choose the pupil' }),
  providerId: z.uuid({ message: 'Choose the provider' }),
  type: z.enum(placementTypes, { message: 'Choose the kind of placement' }),
  reason: text('the reason for the placement'),
});

const itemId = z.string().min(1).max(40);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time such as 09:30');
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

export const planSchema = z
  .strictObject({
    version: z.number().int().min(1),
    reason: text('the reason for the placement'),
    startsOn: optionalDate,
    plannedEndOn: optionalDate,
    agreement: z
      .strictObject({
        discussedOn: isoDateSchema,
        withWhom: text('who took part, e.g. Jordan and his mother'),
        how: text('how it was discussed, e.g. a meeting at school'),
        pupilView: z.string().trim().max(2000).default(''),
        agreed: z.boolean(),
        voluntaryConsent: z.boolean().default(false),
      })
      .nullable()
      .default(null),
    objectives: z
      .array(
        z.strictObject({
          id: itemId,
          text: text('the objective'),
          timeline: text('when it should be met'),
          successCriteria: text('how you will know it is met'),
        }),
      )
      .max(20)
      .default([]),
    reintegrationTargets: z
      .array(
        z.strictObject({
          id: itemId,
          text: text('the target'),
          timeline: text('when it should be met'),
          targetDate: isoDateSchema.optional(),
          post16Link: z.string().trim().max(1000).optional(),
        }),
      )
      .max(20)
      .default([]),
    induction: z.string().trim().max(4000).default(''),
    sessions: z
      .array(
        z.strictObject({
          day: z.enum(weekdays),
          session: z.enum(['am', 'pm']),
          hours: z.number().positive('Hours must be more than 0').max(6, 'A session is at most 6 hours'),
          startsAt: clockTime.optional(),
          endsAt: clockTime.optional(),
        }),
      )
      .max(10)
      .default([]),
    costPence: z.number().int().min(0).nullable().default(null),
    costPer: z.enum(['session', 'day', 'week']).nullable().default(null),
    funding: z.string().trim().max(500).default(''),
    maximumDays: z.number().int().min(1).max(366).nullable().default(null),
    attendanceTargetPercent: z
      .number()
      .int()
      .min(1, 'The attendance target is a percentage from 1 to 100')
      .max(100, 'The attendance target is a percentage from 1 to 100')
      .default(DEFAULT_ATTENDANCE_TARGET_PERCENT),
    noticeGivenOn: optionalDate,
    /**
     * For a placement that has started, a new timetable, cost or target applies from a day: the
     * past keeps what it ran on. Required when any of them changes.
     */
    timetableChange: z
      .strictObject({
        from: isoDateSchema,
        reason: text('why the timetable, cost or target changes'),
      })
      .nullable()
      .default(null),
    reducedTimetable: z
      .strictObject({
        sessions: z
          .array(z.strictObject({ day: z.enum(weekdays), session: z.enum(['am', 'pm']) }))
          .min(1, 'Choose the sessions the pupil is expected neither at school nor at the provider')
          .max(10),
        agreedWithParentsOn: isoDateSchema,
        reason: text('why the timetable is reduced, and how it will build back up'),
        endsOn: optionalDate,
        reviewOn: optionalDate,
      })
      .nullable()
      .default(null),
  })
  .superRefine((plan, ctx) => {
    if (plan.startsOn && plan.plannedEndOn && plan.startsOn > plan.plannedEndOn)
      ctx.addIssue({
        code: 'custom',
        path: ['plannedEndOn'],
        message: 'The planned end is before the start',
      });
    const seen = new Set<string>();
    plan.sessions.forEach((s, i) => {
      const key = `${s.day}-${s.session}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['sessions', i],
          message: 'This session is in the timetable twice',
        });
      seen.add(key);
      if (Boolean(s.startsAt) !== Boolean(s.endsAt))
        ctx.addIssue({
          code: 'custom',
          path: ['sessions', i, s.startsAt ? 'endsAt' : 'startsAt'],
          message: 'Give both the start and the end time, or neither',
        });
      else if (s.startsAt && s.endsAt) {
        const minutes = minutesOf(s.endsAt) - minutesOf(s.startsAt);
        if (minutes <= 0)
          ctx.addIssue({
            code: 'custom',
            path: ['sessions', i, 'endsAt'],
            message: 'The session ends before it starts',
          });
        else if (Math.abs(minutes / 60 - s.hours) > 0.05)
          ctx.addIssue({
            code: 'custom',
            path: ['sessions', i, 'hours'],
            message: `${s.startsAt} to ${s.endsAt} is ${Math.round((minutes / 60) * 100) / 100} hours, not ${s.hours}`,
          });
      }
    });
    const reduced = plan.reducedTimetable;
    if (!reduced) return;
    const atProvider = new Set(plan.sessions.map((s) => `${s.day}-${s.session}`));
    const reducedSeen = new Set<string>();
    reduced.sessions.forEach((s, i) => {
      const key = `${s.day}-${s.session}`;
      const path = ['reducedTimetable', 'sessions', i];
      if (atProvider.has(key))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `The pupil is expected at the provider on ${weekdayLabels[s.day]} ${s.session === 'am' ? 'morning' : 'afternoon'}: a reduced-timetable session is one they are expected nowhere`,
        });
      else if (reducedSeen.has(key))
        ctx.addIssue({ code: 'custom', path, message: 'This session is in the reduced timetable twice' });
      reducedSeen.add(key);
    });
    if (reduced.endsOn && reduced.endsOn < reduced.agreedWithParentsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['reducedTimetable', 'endsOn'],
        message: 'The reduced timetable ends before it was agreed',
      });
    if (reduced.reviewOn && reduced.endsOn && reduced.reviewOn > reduced.endsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['reducedTimetable', 'reviewOn'],
        message: 'Review the reduced timetable on or before the day it ends',
      });
  });
export type PlanInput = z.infer<typeof planSchema>;

export const laInformedSchema = z.strictObject({
  on: isoDateSchema,
  how: text('how the local authority was told, e.g. email to the AP team'),
});

export const reviewSchema = z.strictObject({
  completedOn: isoDateSchema,
  progress: z
    .array(
      z.strictObject({
        targetId: itemId,
        progress: text('the progress made'),
        evidence: z.string().trim().max(2000).default(''),
      }),
    )
    .max(40),
  attendancePercent: z.number().int().min(0).max(100),
  behaviour: text('a summary of behaviour'),
  pupilView: text('the pupil’s view'),
  parentView: text('the parent’s or carer’s view'),
  decision: z.enum(reviewDecisions, {
    message: 'Choose continue, adjust the plan or end',
  }),
  materialChange: z.boolean(),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

export const endSchema = z.strictObject({
  endedOn: isoDateSchema,
  reason: text('why the placement ended'),
  outcome: z.enum(placementOutcomes, {
    message: 'Choose the outcome',
  }),
});

export const correctEndSchema = z.strictObject({
  endedOn: isoDateSchema,
  why: text('why the last day is corrected'),
});

export const destinationSchema = z.strictObject({
  destinationYearStarts: z.number().int().min(2000).max(2100),
  description: z.string().trim().max(500).default(''),
  months: z.record(
    z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Months are written as YYYY-MM'),
    z.enum(monthActivities),
  ),
});

export const shareSchema = z.strictObject({
  what: text('what was shared, e.g. the current risk assessment'),
  method: text('how it was shared, e.g. secure email'),
  sharedOn: isoDateSchema,
  documentId: z.uuid().nullable().default(null),
});

/** A call, email, meeting, visit or letter, for a placement's or a provider's communications log. */
export const communicationInputSchema = z.strictObject({
  kind: z.enum(communicationKinds, { message: 'Choose call, email, meeting, visit or letter' }),
  occurredOn: isoDateSchema,
  withWhom: z.string().trim().min(1, 'Say who it was with').max(200),
  summary: z.string().trim().min(1, 'Summarise what was said or agreed').max(4000),
  followUp: z.string().trim().max(1000).default(''),
});

export type CommunicationRequest = z.input<typeof communicationInputSchema>;
export type CreatePlacementRequest = z.input<typeof createPlacementSchema>;
