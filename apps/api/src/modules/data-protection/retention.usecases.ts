/**
 * The retention schedule in force for a group, the records past it, and their reviewed deletion: a
 * person states what they checked, the deletion runs in one transaction, and the audit log keeps who
 * deleted what and why (the events say what was deleted, not the deleted content).
 */
import {
  dateInWords,
  incidentRetentionKind,
  isPastRetention,
  keepUntil,
  maybeDateInWords,
  pupilDisplayName,
  pupilFileKeptUntil,
  type RetentionKind,
  retentionKinds,
  retentionSchedule,
} from '@waymark/domain';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import {
  eraseAttendanceOfPupil,
  eraseRegisterEntriesBefore,
  registerEntriesBefore,
} from '../attendance/attendance.repository.ts';
import { redactEventsAbout } from '../audit-log/audit-chain.ts';
import { deleteFiles } from '../files/files.repository.ts';
import { eraseIncidentsOfPupil, incidentsOfPupil } from '../incidents/incidents.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { erasePlacementsOfPupil, placementIdsOfPupil } from '../placements/placements.repository.ts';
import { documentsOfKind, erasePupil, pupilInReachOf, pupilsInReachOf } from '../pupils/pupils.repository.ts';
import { eraseVoiceOf } from '../voice/voice.repository.ts';
import { retainedDocuments, retentionOverrides } from './retention.table.ts';

export const retentionErrors = {
  notFound: defineError('retention.not_found', 404, 'There is no such pupil within your reach.'),
  notYet: (until: string) =>
    defineError(
      'retention.not_yet',
      409,
      `This record is kept until ${dateInWords(until)}: it cannot be deleted before then.`,
    )(),
  heldBy: (until: string, kind: RetentionKind) =>
    defineError(
      'retention.held',
      409,
      `The pupil's file holds ${retentionKinds[kind].label.toLowerCase().replace(/ \(.*\)$/, '')}, kept until ${dateInWords(until)}: the file cannot be deleted before then.`,
    )(),
  retainedNotFound: defineError(
    'retention.retained_not_found',
    404,
    'There is no such kept document within your reach.',
  ),
};

async function scheduleFor(db: Database, groupId: string) {
  const rows = await db.select().from(retentionOverrides).where(eq(retentionOverrides.groupId, groupId));
  return retentionSchedule(Object.fromEntries(rows.map((r) => [r.kind, r.years])));
}

/** Register entries dated before this day are past their years. */
const registerCutoff = (today: string, years: number) =>
  `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;

export async function retentionReport({ db, actor, today }: { db: Database; actor: Actor; today: string }) {
  const schedule = await scheduleFor(db, actor.groupId);
  const years = (kind: RetentionKind) => schedule.find((s) => s.kind === kind)!.years;
  const inReach = (column: Parameters<typeof schoolColumnInReach>[3]) =>
    schoolColumnInReach(db, actor, reachOf(actor, 'data_protection.manage'), column);
  const reach = reachOf(actor, 'data_protection.manage');
  const [pupilRows, registerEntries, kept] = await Promise.all([
    pupilsInReachOf(db, actor, reach),
    registerEntriesBefore(db, actor, reach, registerCutoff(today, years('attendance_register'))),
    db
      .select()
      .from(retainedDocuments)
      .where(and(eq(retainedDocuments.groupId, actor.groupId), inReach(retainedDocuments.schoolId)))
      .orderBy(retainedDocuments.keepUntil),
  ]);
  return {
    schedule,
    pupilRecordsPast: pupilRows
      .filter(({ pupil }) => isPastRetention(pupil.dateOfBirth, years('pupil_record'), today))
      .map(({ pupil, schoolName }) => ({
        pupilId: pupil.id,
        name: pupilDisplayName(pupil),
        school: schoolName,
        dateOfBirth: pupil.dateOfBirth,
        keptUntil: keepUntil(pupil.dateOfBirth, years('pupil_record')),
      })),
    registerEntriesPast: {
      before: registerCutoff(today, years('attendance_register')),
      entries: registerEntries,
    },
    /** EHCP documents set aside when their pupil's record was deleted, each to its own date. */
    keptDocuments: kept.map((d) => ({
      id: d.id,
      title: d.title,
      pupilName: d.pupilName,
      keptUntil: d.keepUntil,
      past: d.keepUntil < today,
    })),
  };
}

export async function setRetentionYears({
  db,
  actor,
  ipAddress,
  kind,
  years,
  now,
}: Command & { kind: RetentionKind; years: number }) {
  await db.transaction(async (tx) => {
    await tx
      .insert(retentionOverrides)
      .values({ groupId: actor.groupId, kind, years, setByName: actor.displayName, setAt: now })
      .onConflictDoUpdate({
        target: [retentionOverrides.groupId, retentionOverrides.kind],
        set: { years, setByName: actor.displayName, setAt: now },
      });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'retention.schedule_changed',
        recordType: 'group',
        recordId: actor.groupId,
        summary: `Retention of ${kind.replace(/_/g, ' ')} set to ${years} years`,
      },
    );
  });
}

/** Deletes one pupil's whole record, past its retention date, after a person's review. */
export async function deletePupilRecord({
  db,
  actor,
  ipAddress,
  pupilId,
  reviewNote,
  today,
  now,
}: Command & { pupilId: string; reviewNote: string; today: string }) {
  const schedule = await scheduleFor(db, actor.groupId);
  const yearsOf = (kind: RetentionKind) => schedule.find((s) => s.kind === kind)!.years;
  const years = yearsOf('pupil_record');
  return db.transaction(async (tx) => {
    const found = await pupilInReachOf(tx, actor, reachOf(actor, 'data_protection.manage'), pupilId);
    if (!found) throw retentionErrors.notFound();
    const { pupil } = found;
    if (!isPastRetention(pupil.dateOfBirth, years, today))
      throw retentionErrors.notYet(keepUntil(pupil.dateOfBirth, years));

    const placementIds = await placementIdsOfPupil(tx, pupilId);
    const incidentRows = await incidentsOfPupil(tx, pupilId);
    const incidentIds = incidentRows.map((i) => i.id);
    // Each kind of record goes by its own period: child protection and accident records keep the
    // file until theirs has passed too.
    const held = pupilFileKeptUntil(
      pupil.dateOfBirth,
      yearsOf,
      incidentRows.map((i) => incidentRetentionKind(i.kind)),
    );
    if (held.until >= today) throw retentionErrors.heldBy(held.until, held.kind);
    // SEN and EHCP documents outlast the file: set aside with whose they are, kept to their own date.
    const ehcpKeptUntil = keepUntil(pupil.dateOfBirth, yearsOf('send_ehcp'));
    const setAside = ehcpKeptUntil >= today ? await documentsOfKind(tx, pupilId, 'ehcp') : [];
    if (setAside.length)
      await tx.insert(retainedDocuments).values(
        setAside.map((d) => ({
          groupId: pupil.groupId,
          schoolId: pupil.schoolId,
          kind: 'send_ehcp' as const,
          pupilName: `${pupil.legalFirstName} ${pupil.legalLastName}`,
          pupilDateOfBirth: pupil.dateOfBirth,
          pupilUpn: pupil.upn,
          title: d.title,
          fileId: d.fileId,
          keepUntil: ehcpKeptUntil,
          retainedAt: now,
        })),
      );
    const keptFiles = setAside.map((d) => d.fileId);
    // Each feature deletes its own records, those that point at a placement or the pupil first.
    const { fileIds: attachments } = await eraseIncidentsOfPupil(tx, pupilId);
    const { callIds, markIds } = await eraseAttendanceOfPupil(tx, pupilId, placementIds);
    await eraseVoiceOf(tx, placementIds);
    await erasePlacementsOfPupil(tx, pupilId, placementIds);
    const { fileIds: documentFiles } = await erasePupil(tx, pupilId);
    const fileIds = [...attachments, ...documentFiles].filter((id) => !keptFiles.includes(id));
    await deleteFiles(tx, fileIds);
    // What the audit log said about them goes too; who deleted what, and why, stays.
    const redacted = await redactEventsAbout(tx, {
      groupId: pupil.groupId,
      recordIds: [pupilId, ...placementIds, ...incidentIds, ...callIds],
      texts: [
        pupil.upn,
        `${pupil.legalFirstName} ${pupil.legalLastName}`,
        ...(pupil.preferredName ? [`${pupil.preferredName} ${pupil.legalLastName}`] : []),
      ],
      on: now,
    });

    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'retention.pupil_record_deleted',
        recordType: 'pupil',
        recordId: pupilId,
        schoolId: pupil.schoolId,
        summary: `Deleted the record of a pupil born ${dateInWords(pupil.dateOfBirth)} (UPN ending ${pupil.upn.slice(-3)}), kept until ${dateInWords(keepUntil(pupil.dateOfBirth, years))}: ${placementIds.length} placements, ${markIds.length} register entries, ${incidentIds.length} concerns and incidents, ${fileIds.length} files; ${setAside.length} EHCP documents kept until ${maybeDateInWords(ehcpKeptUntil)}; ${redacted} audit entries redacted. Review: ${reviewNote}`,
      },
    );
    return {
      placements: placementIds.length,
      registerEntries: markIds.length,
      incidents: incidentIds.length,
      files: fileIds.length,
      documentsKept: setAside.length,
      auditEntriesRedacted: redacted,
    };
  });
}

/** Deletes the register entries past their years in the schools in reach, after a person's review. */
export async function deleteOldRegisterEntries({
  db,
  actor,
  ipAddress,
  reviewNote,
  today,
}: Reading & { ipAddress: string | null; reviewNote: string; today: string }) {
  const years = (await scheduleFor(db, actor.groupId)).find((s) => s.kind === 'attendance_register')!.years;
  const before = registerCutoff(today, years);
  return db.transaction(async (tx) => {
    const deleted = await eraseRegisterEntriesBefore(
      tx,
      actor,
      reachOf(actor, 'data_protection.manage'),
      before,
    );
    const ids = { length: deleted };
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'retention.register_entries_deleted',
        recordType: 'attendance_register',
        summary: `Deleted ${ids.length} attendance register entries dated before ${before} (kept ${years} years). Review: ${reviewNote}`,
      },
    );
    return { deleted: ids.length, before };
  });
}
