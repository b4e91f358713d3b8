/** A pupil's documents (risk assessment, pupil profile, EHCP): each upload a new version, kept. */

import { pupilDocumentKinds } from '@waymark/domain/contracts/pupils';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';
import { storedFiles } from '../files/files.table.ts';
import { groups, schools } from '../organisation/organisation.table.ts';
import { pupils } from './pupils.table.ts';

export const pupilDocuments = pgTable(
  'pupil_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    pupilId: belongsTo('pupil_id', () => pupils.id),
    kind: text('kind', { enum: pupilDocumentKinds }).notNull(),
    title: text('title').notNull(),
    version: integer('version').notNull(),
    documentDate: date('document_date', { mode: 'string' }),
    fileId: belongsTo('file_id', () => storedFiles.id),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [index('pupil_documents_pupil_idx').on(t.pupilId)],
);
