/** A group's own retention periods, where it changed the schedule's defaults (DOMAIN-REFERENCE.md). */
import type { RetentionKind } from '@waymark/domain';
import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { storedFiles } from '../files/files.table.ts';
import { groups, schools } from '../organisation/organisation.table.ts';

export const retentionOverrides = pgTable(
  'retention_overrides',
  {
    groupId: belongsTo('group_id', () => groups.id),
    kind: text('kind').$type<RetentionKind>().notNull(),
    years: integer('years').notNull(),
    setByName: text('set_by_name').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.kind] })],
);

/**
 * SEN and EHCP documents kept after the rest of a pupil's record was deleted: their period (date of
 * birth + 31 by default) outlasts the pupil record's (+ 25). Only what identifies whose they are is
 * kept beside them; they are deleted, after a review, once their own date has passed.
 */
export const retainedDocuments = pgTable('retained_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  groupId: belongsTo('group_id', () => groups.id),
  schoolId: belongsTo('school_id', () => schools.id),
  kind: text('kind').$type<RetentionKind>().notNull(),
  pupilName: text('pupil_name').notNull(),
  pupilDateOfBirth: date('pupil_date_of_birth', { mode: 'string' }).notNull(),
  pupilUpn: text('pupil_upn').notNull(),
  title: text('title').notNull(),
  fileId: belongsTo('file_id', () => storedFiles.id),
  keepUntil: date('keep_until', { mode: 'string' }).notNull(),
  retainedAt: timestamp('retained_at', { withTimezone: true }).notNull(),
});
