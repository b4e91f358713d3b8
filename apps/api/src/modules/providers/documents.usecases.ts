/** Evidence on file per provider (Appendix 3 step 4): kept, versioned and downloadable for scrutiny. */

import type { ProviderDocumentKind } from '@waymark/domain/contracts/providers';
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError, fieldError } from '../../lib/errors.ts';
import { checkUpload } from '../../lib/file-types.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { createFilesRepository, fileFacts } from '../files/files.repository.ts';
import { createProvidersRepository } from './providers.repository.ts';
import { providerDocuments } from './providers.table.ts';

const documentNotFound = defineError('documents.not_found', 404, 'There is no such document in your group.');

export interface DocumentDetails {
  kind: ProviderDocumentKind;
  title: string;
  documentDate: string | null;
  expiresOn: string | null;
}

export async function listDocuments({ db, actor, providerId }: Reading & { providerId: string }) {
  await createProvidersRepository({ db }).get(actor.groupId, providerId);
  const documents = await db
    .select()
    .from(providerDocuments)
    .where(and(eq(providerDocuments.groupId, actor.groupId), eq(providerDocuments.providerId, providerId)))
    .orderBy(asc(providerDocuments.kind), asc(providerDocuments.title), asc(providerDocuments.version));
  const files = await fileFacts(
    db,
    documents.map((d) => d.fileId),
  );
  const rows = documents.flatMap((document) => {
    const file = files.get(document.fileId);
    return file ? [{ document, ...file }] : [];
  });
  return {
    documents: rows.map(({ document, ...file }) => ({
      id: document.id,
      kind: document.kind,
      title: document.title,
      version: document.version,
      documentDate: document.documentDate,
      expiresOn: document.expiresOn,
      uploadedAt: document.uploadedAt.toISOString(),
      ...file,
    })),
  };
}

export async function uploadDocument({
  db,
  actor,
  ipAddress,
  providerId,
  details,
  file,
  now,
}: Command & { providerId: string; details: DocumentDetails; file: { filename: string; content: Buffer } }) {
  const checked = checkUpload(file.filename, file.content);
  if ('problem' in checked) throw fieldError('documents.file_not_accepted', 'file', checked.problem);
  await db.transaction(async (tx) => {
    const provider = await createProvidersRepository({ db: tx }).get(actor.groupId, providerId);
    // Same kind and title as an earlier upload: a new version of that document; the old one is kept.
    const [previous] = await tx
      .select({ latest: sql<number>`coalesce(max(${providerDocuments.version}), 0)::int` })
      .from(providerDocuments)
      .where(
        and(
          eq(providerDocuments.providerId, providerId),
          eq(providerDocuments.kind, details.kind),
          sql`lower(${providerDocuments.title}) = ${details.title.toLowerCase()}`,
        ),
      );
    const stored = await createFilesRepository({ db: tx }).saveUpload(actor, file, checked.type);
    const version = (previous?.latest ?? 0) + 1;
    await tx.insert(providerDocuments).values({
      groupId: actor.groupId,
      providerId,
      ...details,
      version,
      fileId: stored.id,
      uploadedBy: actor.userId,
      // The app's clock, so a letter filed now is ordered correctly against notices of a change of leads.
      uploadedAt: now,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'providers.document_uploaded',
        recordType: 'provider',
        recordId: providerId,
        summary: `Filed “${details.title}” (version ${version}, ${file.filename}, sha256 ${stored.sha256.slice(0, 12)}…) for ${provider.name}`,
      },
    );
  });
  return listDocuments({ db, actor, providerId });
}

export async function downloadDocument({ db, actor, documentId }: Reading & { documentId: string }) {
  const [row] = await db
    .select({ fileId: providerDocuments.fileId })
    .from(providerDocuments)
    .where(and(eq(providerDocuments.groupId, actor.groupId), eq(providerDocuments.id, documentId)));
  const file = row ? await createFilesRepository({ db }).find(actor.groupId, row.fileId) : null;
  if (!file) throw documentNotFound();
  return file;
}
