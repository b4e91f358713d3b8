import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { placements } from '../placements/placements.table.ts';

/**
 * A provider's report on a pupil's progress (policy §11: providers report progress for the half-termly
 * review). Sent from the portal; the school reads it on the placement and the early warnings notice
 * when a half-term passes without one.
 */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id, { onDelete: 'cascade' }),
    /** The day the report speaks for (a provider may send it a day or two after). */
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    learning: text('learning').notNull(),
    attendanceAndBehaviour: text('attendance_and_behaviour').notNull(),
    wellbeing: text('wellbeing').notNull().default(''),
    nextSteps: text('next_steps').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** The portal's retry key: a report sent twice over a bad connection is kept once. */
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('progress_reports_placement_idx').on(t.placementId, t.reportedOn),
    uniqueIndex('progress_reports_idempotency_unique').on(t.submittedBy, t.idempotencyKey),
  ],
);
