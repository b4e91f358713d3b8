/** EHCP documents kept after their pupil's record (decision 0023): deleted after a review, once due. */
import { dateInWords } from '@waymark/domain';
import { and, eq } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import type { Reading } from '../../lib/use-case.ts';
import { deleteFiles } from '../files/files.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { retainedDocuments } from './retention.table.ts';
import { retentionErrors } from './retention.usecases.ts';

/** Deletes an EHCP document kept after its pupil record, once its own date has passed, after a review. */
export async function deleteRetainedDocument({
  db,
  actor,
  ipAddress,
  documentId,
  reviewNote,
  today,
}: Reading & { ipAddress: string | null; documentId: string; reviewNote: string; today: string }) {
  await db.transaction(async (tx) => {
    const [kept] = await tx
      .select()
      .from(retainedDocuments)
      .where(
        and(
          eq(retainedDocuments.id, documentId),
          eq(retainedDocuments.groupId, actor.groupId),
          schoolColumnInReach(
            tx,
            actor,
            reachOf(actor, 'data_protection.manage'),
            retainedDocuments.schoolId,
          ),
        ),
      );
    if (!kept) throw retentionErrors.retainedNotFound();
    if (kept.keepUntil >= today) throw retentionErrors.notYet(kept.keepUntil);
    await tx.delete(retainedDocuments).where(eq(retainedDocuments.id, documentId));
    await deleteFiles(tx, [kept.fileId]);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'retention.kept_document_deleted',
        recordType: 'retained_document',
        recordId: documentId,
        schoolId: kept.schoolId,
        summary: `Deleted an EHCP document kept until ${dateInWords(kept.keepUntil)} of a pupil born ${dateInWords(kept.pupilDateOfBirth)}. Review: ${reviewNote}`,
      },
    );
  });
}
