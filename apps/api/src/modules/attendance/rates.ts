/**
 * Attendance rates with the DfE formula (packages/domain attendance/codes.ts) for any period, by pupil
 * placement, provider or school, from the marks providers returned; and the check that opens an
 * intervention when a placement falls below its target.
 */
import { attendanceRateOfCounts, isBelowAttendanceTarget } from '@waymark/domain';
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudits } from '../../lib/audit-log.ts';
import type { Reading } from '../../lib/use-case.ts';
import { schoolNamesById } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { withTermsOn } from '../placements/placement-terms.ts';
import { placementsWithPupils, placementTermRecords } from '../placements/placements.repository.ts';
import { providerNamesById } from '../providers/providers.repository.ts';
import { attendanceInterventions, attendanceMarks } from './attendance.table.ts';
import { type CountedColumns, codeCounts } from './code-counts.ts';

export type RateGrouping = 'placement' | 'provider' | 'school';

/** The marks an actor may read: the group's, at the schools within their reach (marks or kept counts). */
const inReachOf = (db: Database, actor: Actor) => (t: CountedColumns) =>
  and(
    eq(t.groupId, actor.groupId),
    schoolColumnInReach(db, actor, reachOf(actor, 'attendance.read'), t.schoolId),
  );

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Codes are counted from the kept monthly counts and the marks at the period's edges (code-counts.ts). */
export async function attendanceRates({
  db,
  actor,
  from,
  to,
  by,
}: Reading & { from: string; to: string; by: RateGrouping }) {
  const counts = await codeCounts(db, {
    by: by === 'placement' ? 'placementId' : by === 'provider' ? 'providerId' : 'schoolId',
    where: inReachOf(db, actor),
    from,
    to,
  });
  const countsOf = groupBy(counts, (c) => c.id);
  const ids = [...countsOf.keys()];
  const labels = await labelsOf(db, by, ids);
  return ids
    .map((id) => {
      const rate = attendanceRateOfCounts(countsOf.get(id)!);
      const { label, target } = labels.get(id) ?? { label: '', target: null };
      return {
        id,
        label,
        ...rate,
        targetPercent: target,
        belowTarget: isBelowAttendanceTarget(rate, target),
      };
    })
    .sort((a, b) => (a.attendancePercent ?? 101) - (b.attendancePercent ?? 101));
}

async function labelsOf(
  db: Database,
  by: RateGrouping,
  ids: string[],
): Promise<Map<string, { label: string; target: number | null }>> {
  if (!ids.length) return new Map();
  if (by === 'placement') {
    const rows = await placementsWithPupils(db, { ids });
    return new Map(
      rows.map((r) => [
        r.placement.id,
        { label: `${r.pupilName} at ${r.providerName}`, target: r.placement.attendanceTargetPercent },
      ]),
    );
  }
  const rows = by === 'provider' ? await providerNamesById(db, ids) : await schoolNamesById(db, ids);
  return new Map(rows.map((r) => [r.id, { label: r.name, target: null }]));
}

/**
 * After marks change: a placement whose attendance since it started is below its target, with no open
 * intervention, gets one opened for the school to act on.
 */
export async function openInterventionsWhereBelowTarget(
  db: Database,
  { placementIds, today }: { placementIds: string[]; today: string },
) {
  if (!placementIds.length) return;
  const ids = [...new Set(placementIds)];
  // One after another: this runs inside the register's transaction, on its one connection.
  // Since each placement started: every month of it, from the kept counts (the same transaction's
  // marks are already in them).
  const counts = await codeCounts(db, { by: 'placementId', where: (t) => inArray(t.placementId, ids) });
  // The target in force today: one changed from a later day has not taken effect yet.
  const targets = await withTermsOn(db, await placementTermRecords(db, { ids }), today);
  const open = await db
    .select({ placementId: attendanceInterventions.placementId })
    .from(attendanceInterventions)
    .where(
      and(inArray(attendanceInterventions.placementId, ids), eq(attendanceInterventions.status, 'open')),
    );
  const alreadyOpen = new Set(open.map((o) => o.placementId));
  const countsOf = groupBy(counts, (c) => c.id);
  const opening = targets.flatMap((placement) => {
    if (alreadyOpen.has(placement.id)) return [];
    const rate = attendanceRateOfCounts(countsOf.get(placement.id) ?? []);
    if (rate.attendancePercent === null || !isBelowAttendanceTarget(rate, placement.attendanceTargetPercent))
      return [];
    return [{ placement, attendancePercent: rate.attendancePercent }];
  });
  if (!opening.length) return;
  // However many fall below their targets at once (a school closed by snow), two statements.
  await db.insert(attendanceInterventions).values(
    opening.map(({ placement, attendancePercent }) => ({
      groupId: placement.groupId,
      schoolId: placement.schoolId,
      placementId: placement.id,
      openedOn: today,
      attendancePercentAtOpening: Math.floor(attendancePercent),
    })),
  );
  for (const [groupId, inGroup] of groupBy(opening, (o) => o.placement.groupId))
    await recordAudits(
      db,
      { actor: { userId: null, displayName: 'Waymark', groupId } },
      inGroup.map(({ placement, attendancePercent }) => ({
        action: 'attendance.intervention_opened',
        recordType: 'placement',
        recordId: placement.id,
        schoolId: placement.schoolId,
        summary: `Attendance ${attendancePercent}% is below the ${placement.attendanceTargetPercent}% target: an intervention is opened`,
      })),
    );
}

const markCount = sql<number>`count(*)::int`;

/**
 * Each provider's attendance week by week (weeks start on Monday), for the trend chart. Weeks cross
 * months, so these are counted from the marks rather than the kept monthly counts.
 */
export async function providerTrends({ db, actor, from, to }: Reading & { from: string; to: string }) {
  const week = sql<string>`to_char(date_trunc('week', ${attendanceMarks.date}::timestamp), 'YYYY-MM-DD')`;
  const counts = await db
    .select({
      providerId: attendanceMarks.providerId,
      week,
      code: attendanceMarks.code,
      count: markCount,
    })
    .from(attendanceMarks)
    .where(
      and(
        inReachOf(db, actor)(attendanceMarks),
        gte(attendanceMarks.date, from),
        lte(attendanceMarks.date, to),
      ),
    )
    .groupBy(attendanceMarks.providerId, week, attendanceMarks.code);
  const names = await labelsOf(db, 'provider', [...new Set(counts.map((c) => c.providerId))]);
  return [...groupBy(counts, (c) => c.providerId).entries()]
    .map(([providerId, providerCounts]) => ({
      providerId,
      providerName: names.get(providerId)?.label ?? '',
      weeks: [...groupBy(providerCounts, (c) => c.week).entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([weekStarting, weekCounts]) => {
          const rate = attendanceRateOfCounts(weekCounts);
          return { weekStarting, possible: rate.possible, attendancePercent: rate.attendancePercent };
        }),
    }))
    .sort((a, b) => a.providerName.localeCompare(b.providerName));
}
