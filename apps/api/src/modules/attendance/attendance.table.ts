/**
 * Session marks from providers, each with its history of corrections, and the first-day calls an
 * unexplained absence starts (policy §9).
 */

import { type AbsenceReason, callSteps, type ProviderMark } from '@waymark/domain';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';
import { groups, schools } from '../organisation/organisation.table.ts';
import { placements } from '../placements/placements.table.ts';
import { providers } from '../providers/providers.table.ts';
import { pupils } from '../pupils/pupils.table.ts';

export const attendanceMarks = pgTable(
  'attendance_marks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    providerId: belongsTo('provider_id', () => providers.id),
    placementId: belongsTo('placement_id', () => placements.id),
    pupilId: belongsTo('pupil_id', () => pupils.id),
    date: date('date', { mode: 'string' }).notNull(),
    session: text('session', { enum: ['am', 'pm'] }).notNull(),
    mark: text('mark').$type<ProviderMark>().notNull(),
    reason: text('reason').$type<AbsenceReason | null>(),
    /** The home school's register code this mark stands for (B, D, N, I…). */
    code: text('code').notNull(),
    /** Returned after the time agreed in the SLA. */
    late: boolean('late').notNull().default(false),
    source: text('source', { enum: ['portal', 'csv', 'api', 'school'] }).notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('attendance_marks_session_unique').on(t.placementId, t.date, t.session),
    index('attendance_marks_school_date_idx').on(t.schoolId, t.date),
    index('attendance_marks_pupil_date_idx').on(t.pupilId, t.date),
  ],
);

/**
 * Each placement's marks counted by code and calendar month, kept by the database in the same statement
 * as the marks (triggers in migration 0044), so a year's rates read thousands of rows rather than
 * millions of marks. `npm run counts:check` recounts them from the marks; they must always agree.
 */
export const attendanceMonthCounts = pgTable(
  'attendance_month_counts',
  {
    placementId: belongsTo('placement_id', () => placements.id),
    /** The first day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    code: text('code').notNull(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    providerId: belongsTo('provider_id', () => providers.id),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.placementId, t.month, t.code] }),
    index('attendance_month_counts_school_month_idx').on(t.schoolId, t.month),
    index('attendance_month_counts_group_month_idx').on(t.groupId, t.month),
  ],
);

/** Each earlier value of a mark, kept when it is corrected, with who changed it and why. */
export const attendanceMarkHistory = pgTable(
  'attendance_mark_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    markId: belongsTo('mark_id', () => attendanceMarks.id),
    mark: text('mark').$type<ProviderMark>().notNull(),
    reason: text('reason').$type<AbsenceReason | null>(),
    code: text('code').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    changedBy: uuid('changed_by').notNull(),
    changedByName: text('changed_by_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    why: text('why').notNull(),
  },
  (t) => [index('attendance_mark_history_mark_idx').on(t.markId)],
);

export const firstDayCalls = pgTable(
  'first_day_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    placementId: belongsTo('placement_id', () => placements.id),
    pupilId: belongsTo('pupil_id', () => pupils.id),
    date: date('date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    reasonFound: text('reason_found').$type<AbsenceReason | null>(),
    closingNote: text('closing_note'),
    closedByName: text('closed_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('first_day_calls_day_unique').on(t.placementId, t.date),
    index('first_day_calls_school_idx').on(t.schoolId, t.status),
  ],
);

/** Each call made and each escalation step taken for a first-day call. */
export const firstDayCallLog = pgTable(
  'first_day_call_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: belongsTo('call_id', () => firstDayCalls.id),
    step: text('step', { enum: callSteps }).notNull(),
    byName: text('by_name').notNull(),
    called: text('called').notNull().default(''),
    number: text('number').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
    outcome: text('outcome').notNull(),
    safeAndWell: boolean('safe_and_well').notNull().default(false),
  },
  (t) => [index('first_day_call_log_call_idx').on(t.callId)],
);

/**
 * An attendance intervention (policy §9): opened by Waymark when a placement's attendance falls below
 * its target, then given an action, an owner and a review date by the school, and closed with an outcome.
 */
export const attendanceInterventions = pgTable(
  'attendance_interventions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    placementId: belongsTo('placement_id', () => placements.id),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    attendancePercentAtOpening: integer('attendance_percent_at_opening').notNull(),
    action: text('action'),
    owner: text('owner'),
    reviewOn: date('review_on', { mode: 'string' }),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    outcome: text('outcome'),
  },
  (t) => [index('attendance_interventions_placement_idx').on(t.placementId, t.status)],
);

/** Days a provider is closed (its own INSET, a building problem): no sessions are expected there. */
export const providerClosureDays = pgTable(
  'provider_closure_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    providerId: belongsTo('provider_id', () => providers.id),
    date: date('date', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [unique('provider_closure_days_unique').on(t.providerId, t.date)],
);
