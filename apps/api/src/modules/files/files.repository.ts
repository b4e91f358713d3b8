import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { AllowedFileType } from '../../lib/file-types.ts';
import { storedFiles } from './files.table.ts';

export function createFilesRepository({ db }: { db: Database }) {
  return {
    async save(file: {
      groupId: string;
      filename: string;
      contentType: AllowedFileType;
      content: Buffer;
      uploadedBy: string;
    }) {
      const [row] = await db
        .insert(storedFiles)
        .values({
          ...file,
          sizeBytes: file.content.length,
          sha256: createHash('sha256').update(file.content).digest('hex'),
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
