/** Pupils of the group's schools who are, or may be, placed in alternative provision. */

import type { LeavingReason, SenStatus } from '@waymark/domain';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';
import { groups, schools } from '../organisation/organisation.table.ts';

export interface ParentContact {
  name: string;
  relationship: string;
  telephone?: string | undefined;
  email?: string | undefined;
  parentalResponsibility: boolean;
}

export const pupils = pgTable(
  'pupils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    upn: text('upn').notNull(),
    uln: text('uln'),
    legalFirstName: text('legal_first_name').notNull(),
    legalLastName: text('legal_last_name').notNull(),
    preferredName: text('preferred_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    sex: text('sex', { enum: ['F', 'M'] }).notNull(),
    senStatus: text('sen_status').$type<SenStatus>().notNull(),
    ehcpLocalAuthority: text('ehcp_local_authority'),
    ehcpAnnualReviewOn: date('ehcp_annual_review_on', { mode: 'string' }),
    lookedAfter: boolean('looked_after').notNull().default(false),
    virtualSchoolContact: text('virtual_school_contact'),
    parents: jsonb('parents').$type<ParentContact[]>().notNull().default([]),
    /** Taken off the school roll: from this day the pupil's placements are over (census rule 2372). */
    leftOn: date('left_on', { mode: 'string' }),
    leavingReason: text('leaving_reason').$type<LeavingReason>(),
    leavingNote: text('leaving_note'),
    /** Bumped on every save; a save from a page opened on an older version is refused. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [
    uniqueIndex('pupils_school_upn_unique').on(t.schoolId, t.upn),
    index('pupils_group_idx').on(t.groupId),
  ],
);
