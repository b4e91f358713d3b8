/** Staff who work in or support AP, their training, their yearly needs reviews and the pupils they support. */
import type { TrainingTopic } from '@waymark/domain';
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { storedFiles } from '../files/files.table.ts';
import { groups, schools } from '../organisation/organisation.table.ts';

export const apStaff = pgTable(
  'ap_staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    name: text('name').notNull(),
    role: text('role').notNull(),
    /** The placements this person supports, for looking at training against those pupils' outcomes. */
    placementIds: jsonb('placement_ids').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('ap_staff_school_idx').on(t.schoolId)],
);

export const trainingRecords = pgTable(
  'training_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: belongsTo('staff_id', () => apStaff.id),
    course: text('course').notNull(),
    trainingProvider: text('training_provider').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    topics: jsonb('topics').$type<TrainingTopic[]>().notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    certificateFileId: uuid('certificate_file_id').references(() => storedFiles.id),
    certificateFilename: text('certificate_filename'),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_records_staff_idx').on(t.staffId)],
);

export const trainingReviews = pgTable(
  'training_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: belongsTo('staff_id', () => apStaff.id),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    needs: text('needs').notNull(),
    plan: text('plan').notNull(),
    reviewedByName: text('reviewed_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_reviews_staff_idx').on(t.staffId)],
);
