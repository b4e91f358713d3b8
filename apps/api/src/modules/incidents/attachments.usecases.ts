/**
 * Body maps, photographs and statements attached to a report: by the provider that reported it or by
 * school staff who may read its detail. Files are checked by content and downloads are logged.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { checkUpload } from '../../lib/file-types.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { createFilesRepository } from '../files/files.repository.ts';
import { findIncidentForStaff, incidentErrors, mayReadDetail, portalReportsOf } from './incident-access.ts';
import { incidentAttachments, incidents } from './incidents.table.ts';

type Side = 'portal' | 'school';

/**
 * The incident, if the actor may read its detail: a report their provider made through the portal, or
 * a record school staff may read. A record the school made (an allegation about the provider's staff,
 * say) does not exist as far as the portal can tell.
 */
async function incidentWithDetail(db: Database, actor: Actor, incidentId: string, side: Side) {
  if (side === 'portal') {
    const [incident] = await db
      .select()
      .from(incidents)
      .where(and(eq(incidents.id, incidentId), portalReportsOf(actor)));
    if (!incident) throw incidentErrors.notFound();
    return incident;
  }
  const found = await findIncidentForStaff(db, actor, incidentId);
  if (!mayReadDetail(found.sight, found.incident)) throw incidentErrors.restricted();
  return found.incident;
}

export async function attachToIncident({
  db,
  actor,
  ipAddress,
  now,
  incidentId,
  side,
  description,
  file,
}: Command & {
  incidentId: string;
  side: Side;
  description: string;
  file: { filename: string; content: Buffer };
}) {
  const checked = checkUpload(file.filename, file.content);
  if ('problem' in checked) throw fieldError('incidents.file_not_accepted', 'file', checked.problem);
  return db.transaction(async (tx) => {
    const incident = await incidentWithDetail(tx, actor, incidentId, side);
    const saved = await createFilesRepository({ db: tx }).saveUpload(actor, file, checked.type);
    const [row] = await tx
      .insert(incidentAttachments)
      .values({
        incidentId,
        fileId: saved.id,
        filename: file.filename,
        description: description.trim().slice(0, 500),
        side,
        uploadedByName: actor.displayName,
        uploadedAt: now,
      })
      .returning({ id: incidentAttachments.id });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'incidents.attachment_added',
        recordType: 'incident',
        recordId: incidentId,
        schoolId: incident.schoolId,
        summary: `Attached ${file.filename} (SHA-256 ${saved.sha256.slice(0, 12)}…)`,
      },
    );
    return { id: row!.id };
  });
}

export async function downloadIncidentAttachment({
  db,
  actor,
  ipAddress,
  incidentId,
  attachmentId,
  side,
}: Reading & { ipAddress: string | null; incidentId: string; attachmentId: string; side: Side }) {
  return db.transaction(async (tx) => {
    const incident = await incidentWithDetail(tx, actor, incidentId, side);
    const [attachment] = await tx
      .select()
      .from(incidentAttachments)
      .where(
        and(
          eq(incidentAttachments.id, attachmentId),
          eq(incidentAttachments.incidentId, incidentId),
          // The provider downloads what its own staff attached, never the school's statements.
          side === 'portal' ? eq(incidentAttachments.side, 'portal') : undefined,
        ),
      );
    const file = attachment
      ? await createFilesRepository({ db: tx }).find(actor.groupId, attachment.fileId)
      : null;
    if (!file) throw incidentErrors.notFound();
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'incidents.attachment_downloaded',
        recordType: 'incident',
        recordId: incidentId,
        schoolId: incident.schoolId,
        summary: `Downloaded ${file.filename}`,
      },
    );
    return file;
  });
}
