/** Term dates per school and the England and Wales bank holidays. */
import { date, pgTable, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { schools } from '../organisation/organisation.table.ts';

export const halfTerms = pgTable(
  'half_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: belongsTo('school_id', () => schools.id),
    academicYear: text('academic_year').notNull(),
    term: text('term', { enum: ['autumn', 'spring', 'summer'] }).notNull(),
    half: smallint('half').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
  },
  (t) => [unique('half_terms_school_year_term_half').on(t.schoolId, t.academicYear, t.term, t.half)],
);

export const closureDays = pgTable(
  'closure_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: belongsTo('school_id', () => schools.id),
    academicYear: text('academic_year').notNull(),
    date: date('date').notNull(),
    kind: text('kind', { enum: ['inset', 'closure'] }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [unique('closure_days_school_date').on(t.schoolId, t.date)],
);

export const bankHolidays = pgTable('bank_holidays', {
  date: date('date').primaryKey(),
  title: text('title').notNull(),
});
