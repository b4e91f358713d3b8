/**
 * Termly QA visits to providers (Appendix 5): the visit with its judgements per line and the pupils
 * seen, and the actions agreed with the provider, carried to the next visit until done.
 */
import type { QaAnswers } from '@waymark/domain';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { groups, schools } from '../organisation/organisation.table.ts';
import { providers } from '../providers/providers.table.ts';

export interface PupilSeen {
  placementId: string;
  pupilName: string;
  learningObservation: string;
  workScrutiny: string;
  welfareCheck: string;
}

export const qaVisits = pgTable(
  'qa_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    providerId: belongsTo('provider_id', () => providers.id),
    visitOn: date('visit_on', { mode: 'string' }).notNull(),
    visitors: text('visitors').notNull().default(''),
    templateVersion: integer('template_version').notNull(),
    answers: jsonb('answers').$type<QaAnswers>().notNull().default({}),
    pupilsSeen: jsonb('pupils_seen').$type<PupilSeen[]>().notNull().default([]),
    status: text('status', { enum: ['draft', 'completed'] })
      .notNull()
      .default('draft'),
    overall: text('overall'),
    version: integer('version').notNull().default(1),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedByName: text('completed_by_name'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('qa_visits_school_provider_idx').on(t.schoolId, t.providerId, t.visitOn)],
);

export const qaActions = pgTable(
  'qa_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    providerId: belongsTo('provider_id', () => providers.id),
    /** The visit at which it was agreed. */
    visitId: belongsTo('visit_id', () => qaVisits.id),
    action: text('action').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    doneByName: text('done_by_name'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('qa_actions_school_provider_idx').on(t.schoolId, t.providerId, t.doneOn)],
);
