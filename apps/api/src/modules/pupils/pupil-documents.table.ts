/** A pupil's documents (risk assessment, pupil profile, EHCP): each upload a new version, kept. */

import { pupilDocumentKinds } from '@waymark/domain/contracts/pupils';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { writtenNow } from '../../db/written-at.ts';
import { storedFiles } from '../files/files.table.ts';
import { groups, schools } from '../organisation/organisation.table.ts';
import { pupils } from './pupils.table.ts';

export const pupilDocuments = pgTable(
  'pupil_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: pupilDocumentKinds }).notNull(),
    title: text('title').notNull(),
    version: integer('version').notNull(),
    documentDate: date('document_date', { mode: 'string' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [index('pupil_documents_pupil_idx').on(t.pupilId)],
);
