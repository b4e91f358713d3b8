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
  pupilDisplayName,
  pupilFileKeptUntil,
  type RetentionKind,
  retentionKinds,
  retentionSchedule,
} from '@waymark/domain';
import { and, count, eq, inArray, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import {
  attendanceInterventions,
  attendanceMarkHistory,
  attendanceMarks,
  firstDayCallLog,
  firstDayCalls,
} from '../attendance/attendance.table.ts';
import { redactEventsAbout } from '../audit-log/audit-chain.ts';
import { deleteFiles } from '../files/files.repository.ts';
import {
  incidentActions,
  incidentAttachments,
  incidentReferrals,
  incidents,
} from '../incidents/incidents.table.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import {
  directionReviews,
  placementCommunications,
  placementDestinations,
  placementReviews,
  placementShares,
  placements,
  placementTermChanges,
} from '../placements/placements.table.ts';
import { pupilDocuments } from '../pupils/pupil-documents.table.ts';
import { pupils } from '../pupils/pupils.table.ts';
import { voiceChanges, voiceRequests } from '../voice/voice.table.ts';
import { retainedDocuments, retentionOverrides } from './retention.table.ts';

export const retentionErrors = {
  notFound: defineError('retention.not_found', 404, 'There is no such pupil within your reach.'),
  notYet: (until: string) =>
    defineError(
      'retention.not_yet',
      409,
      `This record is kept until ${until}: it cannot be deleted before then.`,
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
  const [pupilRows, [register], kept] = await Promise.all([
    db
      .select({ pupil: pupils, schoolName: schoolNameOf(pupils.schoolId) })
      .from(pupils)
      .where(and(eq(pupils.groupId, actor.groupId), inReach(pupils.schoolId))),
    db
      .select({ entries: count() })
      .from(attendanceMarks)
      .where(
        and(
          eq(attendanceMarks.groupId, actor.groupId),
          inReach(attendanceMarks.schoolId),
          lt(attendanceMarks.date, registerCutoff(today, years('attendance_register'))),
        ),
      ),
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
      entries: register?.entries ?? 0,
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
}: {
  db: Database;
  actor: Actor;
  ipAddress: string | null;
  kind: RetentionKind;
  years: number;
  now: Date;
}) {
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
}: {
  db: Database;
  actor: Actor;
  ipAddress: string | null;
  pupilId: string;
  reviewNote: string;
  today: string;
  now: Date;
}) {
  const schedule = await scheduleFor(db, actor.groupId);
  const yearsOf = (kind: RetentionKind) => schedule.find((s) => s.kind === kind)!.years;
  const years = yearsOf('pupil_record');
  return db.transaction(async (tx) => {
    const [pupil] = await tx
      .select()
      .from(pupils)
      .where(
        and(
          eq(pupils.id, pupilId),
          eq(pupils.groupId, actor.groupId),
          schoolColumnInReach(tx, actor, reachOf(actor, 'data_protection.manage'), pupils.schoolId),
        ),
      );
    if (!pupil) throw retentionErrors.notFound();
    if (!isPastRetention(pupil.dateOfBirth, years, today))
      throw retentionErrors.notYet(keepUntil(pupil.dateOfBirth, years));

    const placementIds = (
      await tx.select({ id: placements.id }).from(placements).where(eq(placements.pupilId, pupilId))
    ).map((p) => p.id);
    const incidentRows = await tx
      .select({ id: incidents.id, kind: incidents.kind })
      .from(incidents)
      .where(eq(incidents.pupilId, pupilId));
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
    const setAside =
      ehcpKeptUntil >= today
        ? await tx
            .select()
            .from(pupilDocuments)
            .where(and(eq(pupilDocuments.pupilId, pupilId), eq(pupilDocuments.kind, 'ehcp')))
        : [];
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
    const callIds = (
      await tx.select({ id: firstDayCalls.id }).from(firstDayCalls).where(eq(firstDayCalls.pupilId, pupilId))
    ).map((c) => c.id);
    const markIds = (
      await tx
        .select({ id: attendanceMarks.id })
        .from(attendanceMarks)
        .where(eq(attendanceMarks.pupilId, pupilId))
    ).map((m) => m.id);
    const fileIds = [
      ...(incidentIds.length
        ? await tx
            .select({ id: incidentAttachments.fileId })
            .from(incidentAttachments)
            .where(inArray(incidentAttachments.incidentId, incidentIds))
        : []),
      ...(await tx
        .select({ id: pupilDocuments.fileId })
        .from(pupilDocuments)
        .where(eq(pupilDocuments.pupilId, pupilId))),
    ]
      .map((f) => f.id)
      .filter((id) => !keptFiles.includes(id));

    // Children before parents, so that no reference is left pointing at a deleted row.
    if (incidentIds.length)
      for (const table of [incidentActions, incidentReferrals, incidentAttachments])
        await tx.delete(table).where(inArray(table.incidentId, incidentIds));
    await tx.delete(incidents).where(eq(incidents.pupilId, pupilId));
    if (callIds.length) await tx.delete(firstDayCallLog).where(inArray(firstDayCallLog.callId, callIds));
    await tx.delete(firstDayCalls).where(eq(firstDayCalls.pupilId, pupilId));
    if (markIds.length)
      await tx.delete(attendanceMarkHistory).where(inArray(attendanceMarkHistory.markId, markIds));
    await tx.delete(attendanceMarks).where(eq(attendanceMarks.pupilId, pupilId));
    if (placementIds.length)
      for (const table of [
        attendanceInterventions,
        voiceChanges,
        voiceRequests,
        placementReviews,
        placementDestinations,
        placementShares,
        placementCommunications,
        placementTermChanges,
        directionReviews,
      ])
        await tx.delete(table).where(inArray(table.placementId, placementIds));
    await tx.delete(placements).where(eq(placements.pupilId, pupilId));
    await tx.delete(pupilDocuments).where(eq(pupilDocuments.pupilId, pupilId));
    await deleteFiles(tx, fileIds);
    await tx.delete(pupils).where(eq(pupils.id, pupilId));
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
        summary: `Deleted the record of a pupil born ${pupil.dateOfBirth} (UPN ending ${pupil.upn.slice(-3)}), kept until ${keepUntil(pupil.dateOfBirth, years)}: ${placementIds.length} placements, ${markIds.length} register entries, ${incidentIds.length} concerns and incidents, ${fileIds.length} files; ${setAside.length} EHCP documents kept until ${ehcpKeptUntil}; ${redacted} audit entries redacted. Review: ${reviewNote}`,
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
}: {
  db: Database;
  actor: Actor;
  ipAddress: string | null;
  reviewNote: string;
  today: string;
}) {
  const years = (await scheduleFor(db, actor.groupId)).find((s) => s.kind === 'attendance_register')!.years;
  const before = registerCutoff(today, years);
  return db.transaction(async (tx) => {
    const old = and(
      eq(attendanceMarks.groupId, actor.groupId),
      schoolColumnInReach(tx, actor, reachOf(actor, 'data_protection.manage'), attendanceMarks.schoolId),
      lt(attendanceMarks.date, before),
    );
    const ids = (await tx.select({ id: attendanceMarks.id }).from(attendanceMarks).where(old)).map(
      (m) => m.id,
    );
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      await tx.delete(attendanceMarkHistory).where(inArray(attendanceMarkHistory.markId, chunk));
      await tx.delete(attendanceMarks).where(inArray(attendanceMarks.id, chunk));
    }
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
