/**
 * A school's census returned: either the AP placements went in with the MIS return, or the school
 * confirmed it arranged none in the collection period (the 4015Q query). One row per school and census.
 */
import type { CensusTerm } from '@waymark/domain';
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';
import { groups, schools } from '../organisation/organisation.table.ts';

export const censusReturns = pgTable(
  'census_returns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    academicYear: text('academic_year').notNull(),
    term: text('term').$type<CensusTerm>().notNull(),
    /** `none_arranged`: the school confirmed no AP was arranged in the period (4015Q). */
    kind: text('kind', { enum: ['returned', 'none_arranged'] }).notNull(),
    placements: integer('placements').notNull(),
    confirmedBy: uuid('confirmed_by').notNull(),
    confirmedByName: text('confirmed_by_name').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [uniqueIndex('census_returns_school_census_unique').on(t.schoolId, t.academicYear, t.term)],
);
