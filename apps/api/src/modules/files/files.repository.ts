import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { AllowedFileType } from '../../lib/file-types.ts';
import { storedFiles } from './files.table.ts';

export function createFilesRepository({ db }: { db: Database }) {
  return {
    /**
     * Keeps an upload a person made, of the type `checkUpload` found in its bytes, in their group.
     * The SHA-256 is kept so a document's audit entry and any later download can be matched to it.
     */
    async saveUpload(
      by: { groupId: string; userId: string },
      upload: { filename: string; content: Buffer },
      contentType: AllowedFileType,
    ) {
      const [row] = await db
        .insert(storedFiles)
        .values({
          groupId: by.groupId,
          filename: upload.filename,
          contentType,
          content: upload.content,
          uploadedBy: by.userId,
          sizeBytes: upload.content.length,
          sha256: createHash('sha256').update(upload.content).digest('hex'),
        })
        .returning({ id: storedFiles.id, sha256: storedFiles.sha256, sizeBytes: storedFiles.sizeBytes });
      return row!;
    },

    async find(groupId: string, fileId: string) {
      const [row] = await db
        .select()
        .from(storedFiles)
        .where(and(eq(storedFiles.groupId, groupId), eq(storedFiles.id, fileId)));
      return row ?? null;
    },
  };
}

/* The files feature's front door for the features that keep documents (providers, pupils, retention). */

/** What a list shows of each file — name, type, size and digest — without its bytes, by id. */
export async function fileFacts(db: Database, ids: readonly string[]) {
  if (!ids.length) return new Map<string, FileFacts>();
  const rows = await db
    .select({
      id: storedFiles.id,
      filename: storedFiles.filename,
      contentType: storedFiles.contentType,
      sizeBytes: storedFiles.sizeBytes,
      sha256: storedFiles.sha256,
    })
    .from(storedFiles)
    .where(inArray(storedFiles.id, [...new Set(ids)]));
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}

export interface FileFacts {
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** A file with its bytes, for a download the caller has already checked. */
export async function fileById(db: Database, id: string) {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row ?? null;
}

/** Deletes the files (a document's versions past their retention). */
export async function deleteFiles(db: Database, ids: readonly string[]) {
  if (ids.length) await db.delete(storedFiles).where(inArray(storedFiles.id, [...ids]));
}
