/**
 * The attendance officer's day: who is expected where, who has been reported and who not (and whether
 * the agreed time has passed), and the first-day calls to make; then the calls themselves.
 */
import {
  type AbsenceReason,
  absenceReasonLabels,
  type CallStep,
  dateInWords,
  homeSchoolCode,
  isLateSubmission,
  pupilDisplayName,
  todayInLondon,
} from '@waymark/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { dueTimesOf } from '../providers/providers.repository.ts';
import { withPupils } from '../pupils/pupils.repository.ts';
import { openFirstDayCalls } from './attendance.repository.ts';
import {
  attendanceMarkHistory,
  attendanceMarks,
  firstDayCallLog,
  firstDayCalls,
} from './attendance.table.ts';
import { placementsExpectedOn } from './expected.ts';

/** Schools resolve an N code within five school days (DOMAIN-REFERENCE.md, attendance register). */
const N_RESOLVE_SCHOOL_DAYS = 5;

const callNotFound = defineError(
  'attendance.call_not_found',
  404,
  'There is no such first-day call at your schools.',
);
const callClosed = defineError('attendance.call_closed', 409, 'This first-day call is already closed.');

export async function attendanceBoard({ db, actor, date, now }: Reading & { date: string; now: Date }) {
  const reach = reachOf(actor, 'attendance.read');
  const expected = await placementsExpectedOn(db, date, {
    groupId: actor.groupId,
    inReach: { actor, reach },
  });
  const ids = expected.map((e) => e.placement.id);
  const marks = ids.length
    ? await db
        .select()
        .from(attendanceMarks)
        .where(and(eq(attendanceMarks.date, date), inArray(attendanceMarks.placementId, ids)))
    : [];
  const markOf = new Map(marks.map((m) => [`${m.placementId} ${m.session}`, m]));
  const dueBy = await dueTimesOf(db, [...new Set(expected.map((e) => e.placement.providerId))]);
  const calls = await openCalls(db, actor, todayInLondon(now));
  return {
    date,
    pupils: expected.map((e) => ({
      placementId: e.placement.id,
      pupilId: e.pupil.id,
      pupilName: pupilDisplayName(e.pupil),
      schoolName: e.schoolName,
      providerName: e.providerName,
      sessions: e.sessions.map((session) => {
        const mark = markOf.get(`${e.placement.id} ${session}`);
        const due = dueBy(e.placement.providerId)[session];
        return {
          session,
          dueBy: due,
          status: mark
            ? ('reported' as const)
            : isLateSubmission(now, date, due)
              ? ('not_reported' as const)
              : ('awaited' as const),
          mark: mark?.mark ?? null,
          code: mark?.code ?? null,
          late: mark?.late ?? false,
        };
      }),
    })),
    calls,
  };
}

async function openCalls(db: Database, actor: Actor, today: string) {
  const rows = await openFirstDayCalls(db, actor);
  const log = rows.length
    ? await db
        .select()
        .from(firstDayCallLog)
        .where(
          inArray(
            firstDayCallLog.callId,
            rows.map((r) => r.call.id),
          ),
        )
        .orderBy(asc(firstDayCallLog.at))
    : [];
  // N must be resolved within 5 school days, counted on the pupil's school calendar.
  const calendars = await loadSchoolCalendars(
    db,
    rows.map((r) => r.call.schoolId),
  );
  const resolveBy = (schoolId: string, date: string) => {
    const calendar = calendars.get(schoolId);
    try {
      return calendar?.coverage ? calendar.addSchoolDays(date, N_RESOLVE_SCHOOL_DAYS) : null;
    } catch {
      return null;
    }
  };
  return rows.map(({ call, pupil }) => ({
    id: call.id,
    overdue: call.date < today,
    resolveBy: resolveBy(call.schoolId, call.date),
    placementId: call.placementId,
    date: call.date,
    pupilName: pupilDisplayName(pupil),
    contacts: pupil.parents.map((p) => ({
      name: p.name,
      relationship: p.relationship,
      telephone: p.telephone ?? null,
    })),
    log: log
      .filter((l) => l.callId === call.id)
      .map((l) => ({
        step: l.step,
        byName: l.byName,
        called: l.called,
        number: l.number,
        at: l.at.toISOString(),
        outcome: l.outcome,
        safeAndWell: l.safeAndWell,
      })),
  }));
}

async function findCall(db: Database, actor: Actor, callId: string) {
  const [row] = await withPupils(
    db,
    await db
      .select({ call: firstDayCalls })
      .from(firstDayCalls)
      .where(
        and(
          eq(firstDayCalls.id, callId),
          eq(firstDayCalls.groupId, actor.groupId),
          schoolColumnInReach(db, actor, reachOf(actor, 'attendance.manage'), firstDayCalls.schoolId),
        ),
      ),
    (r) => r.call.pupilId,
  );
  if (!row) throw callNotFound();
  return row;
}

export async function logCallStep({
  db,
  actor,
  ipAddress,
  callId,
  input,
  now,
}: {
  db: Database;
  actor: Actor;
  ipAddress: string | null;
  callId: string;
  input: {
    step: CallStep;
    called: string;
    number: string;
    outcome: string;
    safeAndWell: boolean;
  };
  now: Date;
}) {
  await db.transaction(async (tx) => {
    const { call, pupil } = await findCall(tx, actor, callId);
    if (call.status === 'closed') throw callClosed();
    await tx.insert(firstDayCallLog).values({ callId, ...input, byName: actor.displayName, at: now });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'attendance.call_logged',
        recordType: 'pupil',
        recordId: pupil.id,
        schoolId: call.schoolId,
        summary: `First-day call for ${pupilDisplayName(pupil)} (${dateInWords(call.date)}): ${input.step.replaceAll('_', ' ')}${input.called ? ` to ${input.called}` : ''} — ${input.outcome}${input.safeAndWell ? '; seen or heard safe and well' : ''}`,
      },
    );
  });
}

/** Closing a call with the reason found: the day's N marks take the reason's code, their N kept in history. */
export async function closeCall({
  db,
  actor,
  ipAddress,
  callId,
  input,
  now,
}: Command & { callId: string; input: { reasonFound: AbsenceReason; note: string } }) {
  await db.transaction(async (tx) => {
    const { call, pupil } = await findCall(tx, actor, callId);
    if (call.status === 'closed') throw callClosed();
    const unexplained = await tx
      .select()
      .from(attendanceMarks)
      .where(
        and(
          eq(attendanceMarks.placementId, call.placementId),
          eq(attendanceMarks.date, call.date),
          eq(attendanceMarks.code, 'N'),
        ),
      );
    for (const mark of unexplained) {
      await tx.insert(attendanceMarkHistory).values({
        markId: mark.id,
        mark: mark.mark,
        reason: mark.reason,
        code: mark.code,
        recordedByName: mark.recordedByName,
        recordedAt: mark.recordedAt,
        changedBy: actor.userId,
        changedByName: actor.displayName,
        changedAt: now,
        why: `Reason found on the first-day call: ${input.note}`,
      });
      await tx
        .update(attendanceMarks)
        .set({
          reason: input.reasonFound,
          code: homeSchoolCode('sole', 'absent', input.reasonFound),
          source: 'school',
          recordedBy: actor.userId,
          recordedByName: actor.displayName,
          recordedAt: now,
        })
        .where(eq(attendanceMarks.id, mark.id));
    }
    await tx
      .update(firstDayCalls)
      .set({
        status: 'closed',
        reasonFound: input.reasonFound,
        closingNote: input.note,
        closedByName: actor.displayName,
        closedAt: now,
      })
      .where(eq(firstDayCalls.id, callId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'attendance.call_closed',
        recordType: 'pupil',
        recordId: pupil.id,
        schoolId: call.schoolId,
        summary: `Closed the first-day call for ${pupilDisplayName(pupil)} (${dateInWords(call.date)}): ${absenceReasonLabels[input.reasonFound]} — ${input.note}`,
      },
    );
  });
}
