/**
 * The provider's register: today's expected pupils on one screen, and submitting marks. A submission
 * is idempotent (the same mark again changes nothing); a different mark for a session already marked
 * is a correction, which needs a reason and keeps the earlier mark in its history. An absence with no
 * known reason opens a first-day call for the school the same day.
 */
import {
  type AbsenceReason,
  dateInWords,
  homeSchoolCode,
  isLateSubmission,
  type ProviderMark,
  pupilDisplayName,
} from '@waymark/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { AppError } from '../../lib/errors.ts';
import type { Command } from '../../lib/use-case.ts';
import { dueTimesOf } from '../providers/providers.repository.ts';
import { attendanceMarkHistory, attendanceMarks, firstDayCalls } from './attendance.table.ts';
import { placementsExpectedOn } from './expected.ts';
import { openInterventionsWhereBelowTarget } from './rates.ts';

export interface MarkInput {
  placementId: string;
  mark: ProviderMark;
  reason?: AbsenceReason | undefined;
  correctionReason?: string | undefined;
}

export async function portalRegister({ db, actor, date }: { db: Database; actor: Actor; date: string }) {
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  if (providerIds.length === 0) return { date, pupils: [] };
  const expected = await placementsExpectedOn(db, date, { groupId: actor.groupId, providerIds });
  const marks = expected.length
    ? await db
        .select()
        .from(attendanceMarks)
        .where(
          and(
            eq(attendanceMarks.date, date),
            inArray(
              attendanceMarks.placementId,
              expected.map((e) => e.placement.id),
            ),
          ),
        )
    : [];
  const markOf = new Map(marks.map((m) => [`${m.placementId} ${m.session}`, m]));
  const dueBy = await dueTimesOf(db, providerIds);
  return {
    date,
    pupils: expected.map((e) => ({
      placementId: e.placement.id,
      pupilName: pupilDisplayName(e.pupil),
      schoolName: e.schoolName,
      providerName: e.providerName,
      sessions: e.sessions.map((session) => {
        const mark = markOf.get(`${e.placement.id} ${session}`);
        return {
          session,
          dueBy: dueBy(e.placement.providerId)[session],
          mark: mark?.mark ?? null,
          reason: mark?.reason ?? null,
          late: mark?.late ?? false,
        };
      }),
    })),
  };
}

export async function submitRegister({
  db,
  actor,
  ipAddress,
  date,
  session,
  marks,
  now,
  today,
  source,
}: Command & {
  date: string;
  session: 'am' | 'pm';
  marks: MarkInput[];
  today: string;
  source: 'portal' | 'csv' | 'api';
}) {
  return db.transaction((tx) =>
    recordMarks(tx, { actor, ipAddress, date, session, marks, now, today, source }),
  );
}

/** Records one session's marks inside the caller's transaction (a CSV upload records many sessions in one). */
export async function recordMarks(
  tx: Database,
  {
    actor,
    ipAddress,
    date,
    session,
    marks,
    now,
    today,
    source,
  }: {
    actor: Actor;
    ipAddress: string | null;
    date: string;
    session: 'am' | 'pm';
    marks: MarkInput[];
    now: Date;
    today: string;
    source: 'portal' | 'csv' | 'api';
  },
) {
  if (date > today) throw registerError([{ path: 'date', message: 'This date is in the future' }]);
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  const expected = await placementsExpectedOn(tx, date, { groupId: actor.groupId, providerIds });
  const expectedById = new Map(expected.map((e) => [e.placement.id, e]));
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  marks.forEach((m, i) => {
    if (seen.has(m.placementId))
      problems.push({ path: `marks.${i}.placementId`, message: 'This pupil is marked twice in one session' });
    seen.add(m.placementId);
    const found = expectedById.get(m.placementId);
    if (!found)
      problems.push({
        path: `marks.${i}.placementId`,
        message: 'This pupil is not expected with you on this date',
      });
    else if (!found.sessions.includes(session))
      problems.push({
        path: `marks.${i}.session`,
        message: `${pupilDisplayName(found.pupil)} is not timetabled for this session`,
      });
    if (m.mark !== 'absent' && m.reason)
      problems.push({ path: `marks.${i}.reason`, message: 'A reason is only for an absence' });
  });
  if (problems.length) throw registerError(problems);
  const existing = await tx
    .select()
    .from(attendanceMarks)
    .where(
      and(
        eq(attendanceMarks.date, date),
        eq(attendanceMarks.session, session),
        inArray(
          attendanceMarks.placementId,
          marks.map((m) => m.placementId),
        ),
      ),
    );
  const existingOf = new Map(existing.map((x) => [x.placementId, x]));
  const dueBy = await dueTimesOf(tx, providerIds);
  const changes: string[] = [];
  const changed: string[] = [];
  const fresh: (typeof attendanceMarks.$inferInsert)[] = [];
  const calls: (typeof firstDayCalls.$inferInsert)[] = [];
  const corrections: Correction[] = [];
  for (const [i, m] of marks.entries()) {
    const e = expectedById.get(m.placementId)!;
    const reason = m.mark === 'absent' ? (m.reason ?? 'unknown') : null;
    const code = homeSchoolCode(e.registration.kind, m.mark, reason);
    const before = existingOf.get(m.placementId);
    if (before && before.mark === m.mark && before.reason === reason) continue;
    if (before) {
      if (!m.correctionReason?.trim())
        throw registerError([
          {
            path: `marks.${i}.correctionReason`,
            message: `Say why the mark for ${pupilDisplayName(e.pupil)} is changed`,
          },
        ]);
      corrections.push({
        before,
        after: { id: before.id, mark: m.mark, reason, code },
        why: m.correctionReason.trim(),
      });
      changes.push(`${pupilDisplayName(e.pupil)} ${before.code}→${code} (${m.correctionReason.trim()})`);
      changed.push(m.placementId);
    } else {
      fresh.push({
        groupId: actor.groupId,
        schoolId: e.placement.schoolId,
        providerId: e.placement.providerId,
        placementId: e.placement.id,
        pupilId: e.pupil.id,
        date,
        session,
        mark: m.mark,
        reason,
        code,
        late: isLateSubmission(now, date, dueBy(e.placement.providerId)[session]),
        source,
        recordedBy: actor.userId,
        recordedByName: actor.displayName,
        recordedAt: now,
      });
    }
    if (code === 'N')
      calls.push({
        groupId: actor.groupId,
        schoolId: e.placement.schoolId,
        placementId: e.placement.id,
        pupilId: e.pupil.id,
        date,
        createdAt: now,
      });
  }
  await correctMarks(tx, corrections, { actor, now, source });
  // New marks in one statement. A double submit racing this one has inserted the same sessions first:
  // those rows are skipped, so each session keeps one mark, the first to arrive.
  if (fresh.length) {
    const inserted = await tx
      .insert(attendanceMarks)
      .values(fresh)
      .onConflictDoNothing()
      .returning({ placementId: attendanceMarks.placementId, code: attendanceMarks.code });
    for (const row of inserted) {
      changes.push(`${pupilDisplayName(expectedById.get(row.placementId)!.pupil)} ${row.code}`);
      changed.push(row.placementId);
    }
  }
  if (calls.length) await tx.insert(firstDayCalls).values(calls).onConflictDoNothing();
  await openInterventionsWhereBelowTarget(tx, { placementIds: changed, today });
  if (changes.length)
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'attendance.marked',
        recordType: 'attendance',
        summary: `Register for ${dateInWords(date)} ${session.toUpperCase()}: ${changes.join('; ')}`,
      },
    );
  return { recorded: changes.length };
}

type Mark = typeof attendanceMarks.$inferSelect;
interface Correction {
  before: Mark;
  after: Pick<Mark, 'id' | 'mark' | 'reason' | 'code'>;
  why: string;
}

/**
 * A register's corrections in two statements whatever its size: the earlier values into the history,
 * then one update of every corrected mark. One update also means the kept monthly counts follow in one
 * pass of their trigger rather than one per pupil. Marks are taken in id order, the order any other
 * register correcting the same sessions takes them in.
 */
async function correctMarks(
  tx: Database,
  corrections: Correction[],
  { actor, now, source }: { actor: Actor; now: Date; source: Mark['source'] },
) {
  if (!corrections.length) return;
  const inOrder = [...corrections].sort((a, b) => (a.after.id < b.after.id ? -1 : 1));
  await tx.insert(attendanceMarkHistory).values(
    inOrder.map(({ before, why }) => ({
      markId: before.id,
      mark: before.mark,
      reason: before.reason,
      code: before.code,
      recordedByName: before.recordedByName,
      recordedAt: before.recordedAt,
      changedBy: actor.userId,
      changedByName: actor.displayName,
      changedAt: now,
      why,
    })),
  );
  const corrected = sql.join(
    inOrder.map(({ after }) => sql`(${after.id}::uuid, ${after.mark}, ${after.reason}::text, ${after.code})`),
    sql`, `,
  );
  await tx.execute(sql`
    update ${attendanceMarks} set
      mark = corrected.mark, reason = corrected.reason, code = corrected.code, source = ${source},
      recorded_by = ${actor.userId}, recorded_by_name = ${actor.displayName}, recorded_at = ${now.toISOString()}::timestamptz
    from (values ${corrected}) as corrected (id, mark, reason, code)
    where ${attendanceMarks.id} = corrected.id`);
}

export function registerError(fields: { path: string; message: string }[]) {
  return new AppError(
    'attendance.invalid',
    400,
    'Nothing was recorded: some marks cannot be accepted.',
    fields,
  );
}
