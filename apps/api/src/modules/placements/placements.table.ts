/**
 * Placements (policy §7, §11, §12): from referral to ending, with the personalised learning plan,
 * the reintegration targets and the timetable held as JSON on the placement (they are read and
 * saved together as the plan), half-termly reviews and the destination after it ends.
 */

import {
  communicationKinds,
  DEFAULT_ATTENDANCE_TARGET_PERCENT,
  type DestinationOutcome,
  directionReviewOutcomes,
  directionReviewRequesters,
  type MonthActivity,
  type PlacementStatus,
  type PlacementType,
  type TimetableSession,
  type Weekday,
} from '@waymark/domain';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';
import { groups, schools } from '../organisation/organisation.table.ts';
import { providers } from '../providers/providers.table.ts';
import { pupilDocuments } from '../pupils/pupil-documents.table.ts';
import { pupils } from '../pupils/pupils.table.ts';

export interface PlanObjective {
  id: string;
  text: string;
  timeline: string;
  successCriteria: string;
}
export interface ReintegrationTarget {
  id: string;
  text: string;
  timeline: string;
  /** When progress against it is checked; from then it is on the board until a review records progress. */
  targetDate?: string | undefined;
  /** How the target serves the pupil's post-16 plan; required from Year 9. */
  post16Link?: string | undefined;
}
export interface Agreement {
  discussedOn: string;
  withWhom: string;
  how: string;
  pupilView: string;
  agreed: boolean;
  /** Managed moves only: the parents' agreement is voluntary and recorded. */
  voluntaryConsent: boolean;
}

/**
 * Sessions agreed with the parents when the pupil is expected neither at school nor at the provider
 * (a reduced timetable): coded C2 in the register export until it ends. It needs an end date and a
 * review date; without them, or past them, it is a duty on the board.
 */
export interface ReducedTimetable {
  sessions: { day: Weekday; session: 'am' | 'pm' }[];
  agreedWithParentsOn: string;
  reason: string;
  endsOn: string | null;
  reviewOn: string | null;
}

export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    pupilId: belongsTo('pupil_id', () => pupils.id),
    providerId: belongsTo('provider_id', () => providers.id),
    type: text('type').$type<PlacementType>().notNull(),
    status: text('status').$type<PlacementStatus>().notNull().default('referral'),
    reason: text('reason').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    plannedEndOn: date('planned_end_on', { mode: 'string' }),
    agreement: jsonb('agreement').$type<Agreement | null>(),
    objectives: jsonb('objectives').$type<PlanObjective[]>().notNull().default([]),
    reintegrationTargets: jsonb('reintegration_targets').$type<ReintegrationTarget[]>().notNull().default([]),
    induction: text('induction').notNull().default(''),
    sessions: jsonb('sessions').$type<TimetableSession[]>().notNull().default([]),
    reducedTimetable: jsonb('reduced_timetable').$type<ReducedTimetable | null>(),
    costPence: integer('cost_pence'),
    costPer: text('cost_per', { enum: ['session', 'day', 'week'] }),
    funding: text('funding').notNull().default(''),
    maximumDays: integer('maximum_days'),
    /** The attendance the placement aims for, as a percentage; below it an intervention opens. */
    attendanceTargetPercent: integer('attendance_target_percent')
      .notNull()
      .default(DEFAULT_ATTENDANCE_TARGET_PERCENT),
    noticeGivenOn: date('notice_given_on', { mode: 'string' }),
    laInformedOn: date('la_informed_on', { mode: 'string' }),
    laInformedHow: text('la_informed_how'),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    outcome: text('outcome', { enum: ['returned_to_school', 'moved_provider', 'post_16', 'other'] }),
    /** Ended on a move to another provider for a pupil with an EHCP: the EHCP review to arrange. */
    ehcpReviewOnMove: boolean('ehcp_review_on_move').notNull().default(false),
    ehcpReviewOnMoveArrangedOn: date('ehcp_review_on_move_arranged_on', { mode: 'string' }),
    ehcpReviewOnMoveNote: text('ehcp_review_on_move_note'),
    /** When an AP lead sent the referral to the provider: until then the portal shows nothing of it. */
    referralSentAt: timestamp('referral_sent_at', { withTimezone: true }),
    referralSentBy: uuid('referral_sent_by'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [
    index('placements_school_idx').on(t.schoolId, t.status),
    index('placements_provider_idx').on(t.providerId, t.status),
    index('placements_pupil_idx').on(t.pupilId),
  ],
);

export interface ReviewProgress {
  /** The objective or reintegration target reviewed. */
  targetId: string;
  progress: string;
  evidence: string;
}

export const placementReviews = pgTable(
  'placement_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: belongsTo('placement_id', () => placements.id),
    academicYear: text('academic_year').notNull(),
    halfTerm: text('half_term').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    completedBy: uuid('completed_by'),
    progress: jsonb('progress').$type<ReviewProgress[]>(),
    attendancePercent: integer('attendance_percent'),
    behaviour: text('behaviour'),
    pupilView: text('pupil_view'),
    parentView: text('parent_view'),
    decision: text('decision', { enum: ['continue', 'adjust_plan', 'end'] }),
    materialChange: boolean('material_change'),
    /** Set when a material change is made for a pupil with an EHCP: the SENCo must start a review. */
    ehcpReviewRequired: boolean('ehcp_review_required').notNull().default(false),
    /** When the SENCo arranged the EHCP review the flag asked for, and how; clears the task. */
    ehcpReviewArrangedOn: date('ehcp_review_arranged_on', { mode: 'string' }),
    ehcpReviewNote: text('ehcp_review_note'),
  },
  (t) => [index('placement_reviews_placement_idx').on(t.placementId, t.dueOn)],
);

export const placementDestinations = pgTable('placement_destinations', {
  placementId: uuid('placement_id')
    .primaryKey()
    .references(() => placements.id),
  destinationYearStarts: integer('destination_year_starts').notNull(),
  /** Month ("YYYY-MM") to what the young person was doing. */
  months: jsonb('months').$type<Record<string, MonthActivity>>().notNull(),
  outcome: text('outcome').$type<DestinationOutcome | null>(),
  description: text('description').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(writtenNow),
});

/**
 * What the school shared with the provider about the pupil (policy §6.1): what, when, how and by whom.
 * The provider portal shows the provider these and only these; a shared document can be downloaded there.
 */
export const placementShares = pgTable(
  'placement_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: belongsTo('placement_id', () => placements.id),
    documentId: uuid('document_id').references(() => pupilDocuments.id),
    what: text('what').notNull(),
    method: text('method').notNull(),
    sharedOn: date('shared_on', { mode: 'string' }).notNull(),
    sharedBy: uuid('shared_by').notNull(),
    sharedByName: text('shared_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [index('placement_shares_placement_idx').on(t.placementId)],
);

/** The AP lead's record of contact about the placement (policy §13): who, when, what, what next. */
export const placementCommunications = pgTable(
  'placement_communications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: belongsTo('placement_id', () => placements.id),
    kind: text('kind', { enum: communicationKinds }).notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    withWhom: text('with_whom').notNull(),
    summary: text('summary').notNull(),
    followUp: text('follow_up').notNull().default(''),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [index('placement_communications_placement_idx').on(t.placementId, t.occurredOn)],
);

/**
 * Reviews of an off-site direction: the parents' or local authority's written requests, and the
 * reviews the governing board held (DOMAIN-REFERENCE.md; the rule is directionReviewRequestState).
 */
export const directionReviews = pgTable(
  'direction_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: belongsTo('placement_id', () => placements.id),
    kind: text('kind', { enum: ['requested', 'held'] }).notNull(),
    /** The day the request was received, or the day the board held the review. */
    on: date('on', { mode: 'string' }).notNull(),
    requestedBy: text('requested_by', { enum: directionReviewRequesters }),
    outcome: text('outcome', { enum: directionReviewOutcomes }),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [index('direction_reviews_placement_idx').on(t.placementId, t.on)],
);

/**
 * A change of a started placement's timetable, cost or attendance target (placement-terms.ts in the
 * domain): the terms it replaced, in force until the day before `effectiveFrom`, who changed them and
 * why. A change to an EHCP pupil's days or hours asks for an EHCP review, as a review's material
 * change does, until someone records it arranged.
 */
export const placementTermChanges = pgTable(
  'placement_term_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: belongsTo('placement_id', () => placements.id),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    previousSessions: jsonb('previous_sessions').$type<TimetableSession[]>().notNull(),
    previousCostPence: integer('previous_cost_pence'),
    previousCostPer: text('previous_cost_per', { enum: ['session', 'day', 'week'] }),
    previousAttendanceTargetPercent: integer('previous_attendance_target_percent').notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by').notNull(),
    changedByName: text('changed_by_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().default(writtenNow),
    ehcpReviewRequired: boolean('ehcp_review_required').notNull().default(false),
    ehcpReviewArrangedOn: date('ehcp_review_arranged_on', { mode: 'string' }),
    ehcpReviewNote: text('ehcp_review_note'),
  },
  (t) => [index('placement_term_changes_placement_idx').on(t.placementId, t.effectiveFrom)],
);
