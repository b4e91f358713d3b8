/**
 * Response shapes of the placement routes: the placement page, the list and the provider portal's
 * view. The API validates and documents with them; the web takes its types from them.
 */

import { z } from 'zod';
import {
  communicationKinds,
  destinationOutcomes,
  directionReviewOutcomes,
  directionReviewRequesters,
  placementOutcomes,
  placementStatuses,
  placementTypes,
  providerStatuses,
  reviewDecisions,
  senStatuses,
  weekdays,
} from '../index.ts';

const outcomes = placementOutcomes;

export const sharedSchema = z.object({
  id: z.uuid(),
  what: z.string(),
  method: z.string(),
  sharedOn: z.string(),
  sharedByName: z.string(),
  document: z.object({ id: z.uuid(), title: z.string(), version: z.number().int() }).nullable(),
});

export const placementViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(placementStatuses),
  type: z.enum(placementTypes),
  reason: z.string(),
  school: z.object({ id: z.uuid(), name: z.string() }),
  pupil: z.object({
    id: z.uuid(),
    displayName: z.string(),
    upn: z.string(),
    yearGroup: z.number().int(),
    senStatus: z.enum(senStatuses),
    lookedAfter: z.boolean(),
  }),
  provider: z.object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(providerStatuses),
    registrationAlarm: z.boolean(),
  }),
  registration: z.object({
    kind: z.enum(['dual', 'sole', 'local_authority']),
    code: z.enum(['D', 'B', 'K']),
  }),
  startsOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  agreement: z
    .object({
      discussedOn: z.string(),
      withWhom: z.string(),
      how: z.string(),
      pupilView: z.string(),
      agreed: z.boolean(),
      voluntaryConsent: z.boolean(),
    })
    .nullable(),
  objectives: z.array(
    z.object({ id: z.string(), text: z.string(), timeline: z.string(), successCriteria: z.string() }),
  ),
  reintegrationTargets: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      timeline: z.string(),
      targetDate: z.string().optional(),
      post16Link: z.string().optional(),
    }),
  ),
  induction: z.string(),
  sessions: z.array(
    z.object({
      day: z.enum(weekdays),
      session: z.enum(['am', 'pm']),
      hours: z.number(),
      startsAt: z.string().optional(),
      endsAt: z.string().optional(),
    }),
  ),
  hoursPerWeek: z.number(),
  reducedTimetable: z
    .object({
      sessions: z.array(z.object({ day: z.enum(weekdays), session: z.enum(['am', 'pm']) })),
      agreedWithParentsOn: z.string(),
      reason: z.string(),
      endsOn: z.string().nullable(),
      reviewOn: z.string().nullable(),
    })
    .nullable(),
  /** Ended on a move to another provider for a pupil with an EHCP: the EHCP review and when arranged. */
  ehcpReviewOnMove: z.object({ required: z.boolean(), arrangedOn: z.string().nullable() }),
  /** Changes of a started placement's timetable, cost or target, each from its day. */
  termChanges: z.array(
    z.object({
      id: z.uuid(),
      effectiveFrom: z.string(),
      reason: z.string(),
      changedBy: z.string(),
      changedAt: z.iso.datetime(),
      hoursBefore: z.number(),
      hoursAfter: z.number(),
      daysBefore: z.number().int(),
      daysAfter: z.number().int(),
      ehcpReviewRequired: z.boolean(),
      ehcpReviewArrangedOn: z.string().nullable(),
    }),
  ),
  referralSentAt: z.string().nullable(),
  costPence: z.number().int().nullable(),
  costPer: z.enum(['session', 'day', 'week']).nullable(),
  funding: z.string(),
  maximumDays: z.number().int().nullable(),
  attendanceTargetPercent: z.number().int(),
  noticeGivenOn: z.string().nullable(),
  laInformedOn: z.string().nullable(),
  laInformedHow: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  outcome: z.enum(outcomes).nullable(),
  blockers: z.array(z.object({ path: z.string(), message: z.string() })),
  reviews: z.array(
    z.object({
      id: z.uuid(),
      halfTerm: z.string(),
      dueOn: z.string(),
      state: z.enum(['done', 'overdue', 'due']),
      completedOn: z.string().nullable(),
      progress: z.array(z.object({ targetId: z.string(), progress: z.string(), evidence: z.string() })),
      attendancePercent: z.number().int().nullable(),
      behaviour: z.string().nullable(),
      pupilView: z.string().nullable(),
      parentView: z.string().nullable(),
      decision: z.enum(reviewDecisions).nullable(),
      materialChange: z.boolean().nullable(),
      ehcpReviewRequired: z.boolean(),
      ehcpReviewArrangedOn: z.string().nullable(),
    }),
  ),
  destination: z
    .object({
      destinationYearStarts: z.number().int(),
      months: z.record(z.string(), z.enum(['education', 'apprenticeship', 'employment', 'none'])),
      outcome: z.enum(destinationOutcomes).nullable(),
      description: z.string(),
    })
    .nullable(),
  shared: z.array(sharedSchema),
  communications: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(communicationKinds),
      occurredOn: z.string(),
      withWhom: z.string(),
      summary: z.string(),
      followUp: z.string(),
      recordedByName: z.string(),
    }),
  ),
  /** Requests for the governing board to review an off-site direction, and its reviews. */
  directionReviews: z.object({
    requests: z.array(
      z.object({
        id: z.uuid(),
        requestedOn: z.string(),
        requestedBy: z.enum(directionReviewRequesters),
        note: z.string(),
        recordedByName: z.string(),
        state: z.enum(['not_required', 'to_hold', 'held']),
        /** The review that excused the request, met it, or (while owed) the last one before it. */
        lastHeldOn: z.string().nullable(),
      }),
    ),
    held: z.array(
      z.object({
        id: z.uuid(),
        heldOn: z.string(),
        outcome: z.enum(directionReviewOutcomes),
        note: z.string(),
        recordedByName: z.string(),
      }),
    ),
  }),
  timeline: z.array(z.object({ at: z.iso.datetime(), by: z.string(), what: z.string() })),
  version: z.number().int(),
});

export const placementSummarySchema = z.object({
  id: z.uuid(),
  status: z.enum(placementStatuses),
  type: z.enum(placementTypes),
  startsOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  schoolName: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  pupilId: z.uuid(),
  pupilName: z.string(),
  yearGroup: z.number().int(),
});

/** A pupil placed with the provider, as the portal shows them. */
export const portalPlacementSchema = z.object({
  id: z.uuid(),
  status: z.enum(['referral', 'active', 'ended', 'cancelled']),
  pupilName: z.string(),
  yearGroup: z.number().int(),
  schoolName: z.string(),
  providerName: z.string(),
  startsOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  sessions: z.array(z.object({ day: z.enum(weekdays), session: z.enum(['am', 'pm']), hours: z.number() })),
  hoursPerWeek: z.number(),
});

/** An EHCP review the AP lead still has to arrange with the SENCo and the local authority. */
export const ehcpReviewTaskSchema = z.object({
  placementId: z.uuid(),
  source: z.enum(['review', 'timetable_change', 'provider_move']),
  flagId: z.uuid(),
  pupilName: z.string(),
  providerName: z.string(),
  localAuthority: z.string().nullable(),
  flaggedOn: z.string().nullable(),
  why: z.string(),
});
export const ehcpReviewTaskListSchema = z.object({ tasks: z.array(ehcpReviewTaskSchema) });

export type EhcpReviewTask = z.infer<typeof ehcpReviewTaskSchema>;
export type PlacementView = z.infer<typeof placementViewSchema>;
export type PlacementSummary = z.infer<typeof placementSummarySchema>;
export type PortalPlacement = z.infer<typeof portalPlacementSchema>;
export type SharedWithProvider = z.infer<typeof sharedSchema>;
