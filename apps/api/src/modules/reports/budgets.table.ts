/** Each school's AP budget for an academic year. Spend is worked out from placements, never stored. */
import { integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { schools } from '../organisation/organisation.table.ts';

export const schoolBudgets = pgTable(
  'school_budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: belongsTo('school_id', () => schools.id),
    academicYear: text('academic_year').notNull(),
    amountPence: integer('amount_pence').notNull(),
    setByName: text('set_by_name').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('school_budgets_year').on(t.schoolId, t.academicYear)],
);
