import { and, asc, count, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, type Reach, reachOf } from '../../lib/actor.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { withPupils } from '../pupils/pupils.repository.ts';
import {
  attendanceInterventions,
  attendanceMarkHistory,
  attendanceMarks,
  firstDayCallLog,
  firstDayCalls,
} from './attendance.table.ts';
import { type CountedColumns, codeCounts } from './code-counts.ts';

/** Each placement's marks counted by code, optionally within a period (inclusive). */
export function markCountsByPlacement(
  db: Database,
  placementIds: readonly string[],
  period: { from?: string; to?: string } = {},
) {
  if (!placementIds.length) return Promise.resolve([]);
  return countsByPlacement(db, (t) => inArray(t.placementId, [...placementIds]), period);
}

/** Marks `where` chooses within a period (either end optional), counted by placement and code. */
async function countsByPlacement(
  db: Database,
  where: (t: CountedColumns) => SQL,
  period: { from?: string; to?: string },
) {
  const counts = await codeCounts(db, { by: 'placementId', where, ...period });
  return counts.map(({ id, code, count }) => ({ placementId: id, code, count }));
}

/** A pupil's register, first-day calls (with their logs) and interventions, for a subject access export. */
export async function attendanceOfPupil(db: Database, pupilId: string, placementIds: readonly string[]) {
  const [marks, calls, interventions] = await Promise.all([
    db
      .select({
        date: attendanceMarks.date,
        session: attendanceMarks.session,
        code: attendanceMarks.code,
        placementId: attendanceMarks.placementId,
      })
      .from(attendanceMarks)
      .where(eq(attendanceMarks.pupilId, pupilId))
      .orderBy(asc(attendanceMarks.date), asc(attendanceMarks.session)),
    db.select().from(firstDayCalls).where(eq(firstDayCalls.pupilId, pupilId)),
    placementIds.length
      ? db
          .select()
          .from(attendanceInterventions)
          .where(inArray(attendanceInterventions.placementId, [...placementIds]))
      : Promise.resolve([]),
  ]);
  const callIds = calls.map((c) => c.id);
  const callLog = callIds.length
    ? await db.select().from(firstDayCallLog).where(inArray(firstDayCallLog.callId, callIds))
    : [];
  return { marks, calls, callLog, interventions };
}

/** Deletes the pupil's marks (with their history), first-day calls (with their logs) and interventions. */
export async function eraseAttendanceOfPupil(tx: Database, pupilId: string, placementIds: readonly string[]) {
  const callIds = (
    await tx.select({ id: firstDayCalls.id }).from(firstDayCalls).where(eq(firstDayCalls.pupilId, pupilId))
  ).map((c) => c.id);
  const markIds = (
    await tx
      .select({ id: attendanceMarks.id })
      .from(attendanceMarks)
      .where(eq(attendanceMarks.pupilId, pupilId))
  ).map((m) => m.id);
  if (callIds.length) await tx.delete(firstDayCallLog).where(inArray(firstDayCallLog.callId, callIds));
  await tx.delete(firstDayCalls).where(eq(firstDayCalls.pupilId, pupilId));
  if (markIds.length)
    await tx.delete(attendanceMarkHistory).where(inArray(attendanceMarkHistory.markId, markIds));
  await tx.delete(attendanceMarks).where(eq(attendanceMarks.pupilId, pupilId));
  if (placementIds.length)
    await tx
      .delete(attendanceInterventions)
      .where(inArray(attendanceInterventions.placementId, [...placementIds]));
  return { callIds, markIds };
}

/** How many register entries at the schools in reach are dated before a day. */
export async function registerEntriesBefore(db: Database, actor: Actor, reach: Reach, before: string) {
  const [row] = await db
    .select({ entries: count() })
    .from(attendanceMarks)
    .where(
      and(
        eq(attendanceMarks.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reach, attendanceMarks.schoolId),
        lt(attendanceMarks.date, before),
      ),
    );
  return row?.entries ?? 0;
}

/** Deletes the register entries (with their history) at the schools in reach dated before a day; how many. */
export async function eraseRegisterEntriesBefore(tx: Database, actor: Actor, reach: Reach, before: string) {
  const old = and(
    eq(attendanceMarks.groupId, actor.groupId),
    schoolColumnInReach(tx, actor, reach, attendanceMarks.schoolId),
    lt(attendanceMarks.date, before),
  );
  const ids = (await tx.select({ id: attendanceMarks.id }).from(attendanceMarks).where(old)).map((m) => m.id);
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    await tx.delete(attendanceMarkHistory).where(inArray(attendanceMarkHistory.markId, chunk));
    await tx.delete(attendanceMarks).where(inArray(attendanceMarks.id, chunk));
  }
  return ids.length;
}

/** Marks at these schools within a period, counted by placement and code. */
export function markCountsAtSchools(
  db: Database,
  schoolIds: readonly string[],
  period: { from: string; to: string },
) {
  if (!schoolIds.length) return Promise.resolve([]);
  return countsByPlacement(db, (t) => inArray(t.schoolId, [...schoolIds]), period);
}

/** First-day calls at these schools for days within a period. */
export function firstDayCallsAtSchools(
  db: Database,
  schoolIds: readonly string[],
  period: { from: string; to: string },
) {
  if (!schoolIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(firstDayCalls)
    .where(
      and(
        inArray(firstDayCalls.schoolId, [...schoolIds]),
        gte(firstDayCalls.date, period.from),
        lte(firstDayCalls.date, period.to),
      ),
    );
}

/**
 * Marks of these placements from `from` to `to`, counted by placement and code, each count split by
 * whether its marks fall on or after `splitOn` (the inspection pack's "this term" beside "this year").
 */
export function markCountsSplit(
  db: Database,
  placementIds: readonly string[],
  { from, to, splitOn }: { from: string; to: string; splitOn: string },
) {
  if (!placementIds.length)
    return Promise.resolve([] as { placementId: string; code: string; inTerm: boolean; count: number }[]);
  return db
    .select({
      placementId: attendanceMarks.placementId,
      code: attendanceMarks.code,
      inTerm: sql<boolean>`${attendanceMarks.date} >= ${splitOn}`,
      count: sql<number>`count(*)::int`,
    })
    .from(attendanceMarks)
    .where(
      and(
        inArray(attendanceMarks.placementId, [...placementIds]),
        gte(attendanceMarks.date, from),
        lte(attendanceMarks.date, to),
      ),
    )
    .groupBy(attendanceMarks.placementId, attendanceMarks.code, sql`3`);
}

/**
 * Each placement's marks by code over the two half-terms its school compares (the early warnings' drop
 * in attendance): from the school's `previousFrom` to `today`, each count marked `current` when its
 * marks fall on or after the school's `currentFrom`. Half-terms differ by school, so the windows join
 * as a small table and one query serves every school.
 */
export function markCountsInSchoolWindows(
  db: Database,
  placementIds: readonly string[],
  windows: readonly { schoolId: string; previousFrom: string; currentFrom: string }[],
  today: string,
) {
  if (!placementIds.length || !windows.length)
    return Promise.resolve([] as { placementId: string; code: string; current: boolean; count: number }[]);
  const windowTable = sql`(values ${sql.join(
    windows.map((w) => sql`(${w.schoolId}::uuid, ${w.previousFrom}::date, ${w.currentFrom}::date)`),
    sql`, `,
  )}) as w(school_id, previous_from, current_from)`;
  // The earliest start as a plain bound too, so the database range-scans the marks by date first.
  const earliest = windows.map((w) => w.previousFrom).sort()[0]!;
  return db
    .select({
      placementId: attendanceMarks.placementId,
      code: attendanceMarks.code,
      current: sql<boolean>`${attendanceMarks.date} >= w.current_from`,
      count: sql<number>`count(*)::int`,
    })
    .from(attendanceMarks)
    .innerJoin(windowTable, sql`w.school_id = ${attendanceMarks.schoolId}`)
    .where(
      and(
        inArray(attendanceMarks.placementId, [...placementIds]),
        gte(attendanceMarks.date, earliest),
        sql`${attendanceMarks.date} >= w.previous_from`,
        lte(attendanceMarks.date, today),
      ),
    )
    .groupBy(attendanceMarks.placementId, attendanceMarks.code, sql`3`);
}

/** The marks with these codes of these placements, each from its school's own `from` to `today`. */
export function marksWithCodesInSchoolWindows(
  db: Database,
  placementIds: readonly string[],
  codes: readonly string[],
  windows: readonly { schoolId: string; from: string }[],
  today: string,
) {
  if (!placementIds.length || !windows.length || !codes.length)
    return Promise.resolve([] as { placementId: string; date: string; code: string }[]);
  const windowTable = sql`(values ${sql.join(
    windows.map((w) => sql`(${w.schoolId}::uuid, ${w.from}::date)`),
    sql`, `,
  )}) as w(school_id, from_on)`;
  const earliest = windows.map((w) => w.from).sort()[0]!;
  return db
    .select({
      placementId: attendanceMarks.placementId,
      date: attendanceMarks.date,
      code: attendanceMarks.code,
    })
    .from(attendanceMarks)
    .innerJoin(windowTable, sql`w.school_id = ${attendanceMarks.schoolId}`)
    .where(
      and(
        inArray(attendanceMarks.placementId, [...placementIds]),
        inArray(attendanceMarks.code, [...codes]),
        gte(attendanceMarks.date, earliest),
        sql`${attendanceMarks.date} >= w.from_on`,
        lte(attendanceMarks.date, today),
      ),
    );
}

/**
 * First-day calls still open at the schools in the reader's reach, oldest first, each with its pupil and
 * school name: the attendance board and the what-is-due board list the same calls.
 */
export async function openFirstDayCalls(db: Database, actor: Actor) {
  return withPupils(
    db,
    await db
      .select({ call: firstDayCalls, schoolName: schoolNameOf(firstDayCalls.schoolId) })
      .from(firstDayCalls)
      .where(
        and(
          eq(firstDayCalls.groupId, actor.groupId),
          eq(firstDayCalls.status, 'open'),
          schoolColumnInReach(db, actor, reachOf(actor, 'attendance.read'), firstDayCalls.schoolId),
        ),
      )
      .orderBy(asc(firstDayCalls.date)),
    (r) => r.call.pupilId,
  );
}
