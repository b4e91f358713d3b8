/** Uploading and listing a pupil's documents; every upload and download is on the audit log. */

import type { PupilDocumentKind } from '@waymark/domain/contracts/pupils';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError, fieldError } from '../../lib/errors.ts';
import { checkUpload } from '../../lib/file-types.ts';
import type { Reading } from '../../lib/use-case.ts';
import { createFilesRepository, fileById, fileFacts } from '../files/files.repository.ts';
import { pupilDocuments } from './pupil-documents.table.ts';
import { findPupilInReach } from './pupils.repository.ts';

const notFound = defineError('pupil_documents.not_found', 404, 'There is no such document for this pupil.');

export async function listPupilDocuments(db: Database, pupilId: string) {
  const documents = await db
    .select()
    .from(pupilDocuments)
    .where(eq(pupilDocuments.pupilId, pupilId))
    .orderBy(asc(pupilDocuments.kind), asc(pupilDocuments.title), asc(pupilDocuments.version));
  const files = await fileFacts(
    db,
    documents.map((d) => d.fileId),
  );
  const rows = documents.flatMap((document) => {
    const file = files.get(document.fileId);
    return file ? [{ document, filename: file.filename, sizeBytes: file.sizeBytes }] : [];
  });
  return rows.map(({ document: d, filename, sizeBytes }) => ({
    id: d.id,
    kind: d.kind,
    title: d.title,
    version: d.version,
    documentDate: d.documentDate,
    uploadedAt: d.uploadedAt.toISOString(),
    filename,
    sizeBytes,
  }));
}

export async function documentsOfPupil({ db, actor, pupilId }: Reading & { pupilId: string }) {
  await findPupilInReach(db, actor, pupilId, 'pupils.read');
  return listPupilDocuments(db, pupilId);
}

export async function uploadPupilDocument({
  db,
  actor,
  ipAddress,
  pupilId,
  details,
  file,
}: Reading & {
  ipAddress: string | null;
  pupilId: string;
  details: { kind: PupilDocumentKind; title: string; documentDate: string | null };
  file: { filename: string; content: Buffer };
}) {
  const checked = checkUpload(file.filename, file.content);
  if ('problem' in checked) throw fieldError('pupil_documents.file_not_accepted', 'file', checked.problem);
  await db.transaction(async (tx) => {
    const pupil = await findPupilInReach(tx, actor, pupilId, 'pupils.manage');
    const [previous] = await tx
      .select({ latest: sql<number>`coalesce(max(${pupilDocuments.version}), 0)::int` })
      .from(pupilDocuments)
      .where(
        and(
          eq(pupilDocuments.pupilId, pupilId),
          eq(pupilDocuments.kind, details.kind),
          sql`lower(${pupilDocuments.title}) = ${details.title.toLowerCase()}`,
        ),
      );
    const stored = await createFilesRepository({ db: tx }).saveUpload(actor, file, checked.type);
    const version = (previous?.latest ?? 0) + 1;
    await tx.insert(pupilDocuments).values({
      groupId: actor.groupId,
      schoolId: pupil.schoolId,
      pupilId,
      ...details,
      version,
      fileId: stored.id,
      uploadedBy: actor.userId,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'pupils.document_uploaded',
        recordType: 'pupil',
        recordId: pupilId,
        schoolId: pupil.schoolId,
        summary: `Filed “${details.title}” (version ${version}) for ${pupil.legalFirstName} ${pupil.legalLastName}`,
      },
    );
  });
  return listPupilDocuments(db, pupilId);
}

/** A stored pupil document's bytes; the caller has already decided the reader may have it. */
export async function readPupilDocument(
  db: Database,
  {
    actor,
    ipAddress,
    documentId,
    pupilId,
  }: { actor: Actor; ipAddress: string | null; documentId: string; pupilId: string },
) {
  return db.transaction(async (tx) => {
    const [document] = await tx
      .select()
      .from(pupilDocuments)
      .where(and(eq(pupilDocuments.id, documentId), eq(pupilDocuments.pupilId, pupilId)));
    const file = document ? await fileById(tx, document.fileId) : null;
    if (!document || !file) throw notFound();
    const row = { document, file };
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'pupils.document_downloaded',
        recordType: 'pupil',
        recordId: pupilId,
        schoolId: row.document.schoolId,
        summary: `Downloaded “${row.document.title}” (version ${row.document.version})`,
      },
    );
    return row.file;
  });
}

export async function downloadPupilDocument({
  db,
  actor,
  ipAddress,
  pupilId,
  documentId,
}: Reading & { ipAddress: string | null; pupilId: string; documentId: string }) {
  await findPupilInReach(db, actor, pupilId, 'pupils.read');
  return readPupilDocument(db, { actor, ipAddress, documentId, pupilId });
}
