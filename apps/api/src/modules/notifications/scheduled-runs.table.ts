/**
 * One row per daily job per group per day. Inserting the row claims the run, so with several server
 * processes (or a restart mid-morning) each reminder goes out once a day and never twice.
 */

import { date, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';
import { groups } from '../organisation/organisation.table.ts';

export const scheduledRuns = pgTable(
  'scheduled_runs',
  {
    job: text('job').notNull(),
    groupId: belongsTo('group_id', () => groups.id),
    runOn: date('run_on', { mode: 'string' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [primaryKey({ columns: [t.job, t.groupId, t.runOn] })],
);
