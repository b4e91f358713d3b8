/**
 * Attendance rates with the DfE formula (packages/domain attendance/codes.ts) for any period, by pupil
 * placement, provider or school, from the marks providers returned; and the check that opens an
 * intervention when a placement falls below its target.
 */
import { attendanceRate } from '@waymark/domain';
import { and, eq, gte, lte } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { schoolColumnInReach } from '../../lib/scope.ts';
import { schools } from '../organisation/organisation.table.ts';
import { placements } from '../placements/placements.table.ts';
import { providers } from '../providers/providers.table.ts';
import { pupils } from '../pupils/pupils.table.ts';
import { attendanceInterventions, attendanceMarks } from './attendance.table.ts';

export type RateGrouping = 'placement' | 'provider' | 'school';

export async function attendanceRates({
  db,
  actor,
  from,
  to,
  by,
}: {
  db: Database;
  actor: Actor;
  from: string;
  to: string;
  by: RateGrouping;
}) {
  const rows = await db
    .select({
      code: attendanceMarks.code,
      placementId: attendanceMarks.placementId,
      providerId: attendanceMarks.providerId,
      schoolId: attendanceMarks.schoolId,
      pupil: { first: pupils.legalFirstName, preferred: pupils.preferredName, last: pupils.legalLastName },
      providerName: providers.name,
      schoolName: schools.name,
      target: placements.attendanceTargetPercent,
    })
    .from(attendanceMarks)
    .innerJoin(pupils, eq(pupils.id, attendanceMarks.pupilId))
    .innerJoin(providers, eq(providers.id, attendanceMarks.providerId))
    .innerJoin(schools, eq(schools.id, attendanceMarks.schoolId))
    .innerJoin(placements, eq(placements.id, attendanceMarks.placementId))
    .where(
      and(
        eq(attendanceMarks.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, 'attendance.read'), attendanceMarks.schoolId),
        gte(attendanceMarks.date, from),
        lte(attendanceMarks.date, to),
      ),
    );
  const groups = new Map<string, { label: string; target: number | null; codes: string[] }>();
  for (const row of rows) {
    const key = by === 'placement' ? row.placementId : by === 'provider' ? row.providerId : row.schoolId;
    const label =
      by === 'placement'
        ? `${row.pupil.preferred ?? row.pupil.first} ${row.pupil.last} at ${row.providerName}`
        : by === 'provider'
          ? row.providerName
          : row.schoolName;
    const entry = groups.get(key) ?? { label, target: by === 'placement' ? row.target : null, codes: [] };
    entry.codes.push(row.code);
    groups.set(key, entry);
  }
  return [...groups.entries()]
    .map(([id, g]) => {
      const rate = attendanceRate(g.codes);
      return {
        id,
        label: g.label,
        ...rate,
        targetPercent: g.target,
        belowTarget:
          g.target !== null && rate.attendancePercent !== null && rate.attendancePercent < g.target,
      };
    })
    .sort((a, b) => (a.attendancePercent ?? 101) - (b.attendancePercent ?? 101));
}

/**
 * After marks change: a placement whose attendance since it started is below its target, with no open
 * intervention, gets one opened for the school to act on.
 */
export async function openInterventionsWhereBelowTarget(
  db: Database,
  { placementIds, today }: { placementIds: string[]; today: string },
) {
  for (const placementId of placementIds) {
    const [placement] = await db.select().from(placements).where(eq(placements.id, placementId));
    if (!placement) continue;
    const codes = await db
      .select({ code: attendanceMarks.code })
      .from(attendanceMarks)
      .where(eq(attendanceMarks.placementId, placementId));
    const rate = attendanceRate(codes.map((c) => c.code));
    if (rate.attendancePercent === null || rate.attendancePercent >= placement.attendanceTargetPercent)
      continue;
    const [open] = await db
      .select({ id: attendanceInterventions.id })
      .from(attendanceInterventions)
      .where(
        and(eq(attendanceInterventions.placementId, placementId), eq(attendanceInterventions.status, 'open')),
      );
    if (open) continue;
    await db.insert(attendanceInterventions).values({
      groupId: placement.groupId,
      schoolId: placement.schoolId,
      placementId,
      openedOn: today,
      attendancePercentAtOpening: Math.floor(rate.attendancePercent),
    });
    await recordAudit(
      db,
      { actor: { userId: null, displayName: 'Waymark', groupId: placement.groupId } },
      {
        action: 'attendance.intervention_opened',
        recordType: 'placement',
        recordId: placementId,
        schoolId: placement.schoolId,
        summary: `Attendance ${rate.attendancePercent}% is below the ${placement.attendanceTargetPercent}% target: an intervention is opened`,
      },
    );
  }
}

/** Monday of the week a date falls in. */
function weekOf(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** Each provider's attendance week by week, for the trend chart. */
export async function providerTrends({
  db,
  actor,
  from,
  to,
}: {
  db: Database;
  actor: Actor;
  from: string;
  to: string;
}) {
  const rows = await db
    .select({
      code: attendanceMarks.code,
      date: attendanceMarks.date,
      providerId: attendanceMarks.providerId,
      providerName: providers.name,
    })
    .from(attendanceMarks)
    .innerJoin(providers, eq(providers.id, attendanceMarks.providerId))
    .where(
      and(
        eq(attendanceMarks.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, 'attendance.read'), attendanceMarks.schoolId),
        gte(attendanceMarks.date, from),
        lte(attendanceMarks.date, to),
      ),
    );
  const byProvider = new Map<string, { name: string; weeks: Map<string, string[]> }>();
  for (const row of rows) {
    const entry = byProvider.get(row.providerId) ?? { name: row.providerName, weeks: new Map() };
    const week = weekOf(row.date);
    entry.weeks.set(week, [...(entry.weeks.get(week) ?? []), row.code]);
    byProvider.set(row.providerId, entry);
  }
  return [...byProvider.entries()]
    .map(([providerId, { name, weeks }]) => ({
      providerId,
      providerName: name,
      weeks: [...weeks.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([weekStarting, codes]) => {
          const rate = attendanceRate(codes);
          return { weekStarting, possible: rate.possible, attendancePercent: rate.attendancePercent };
        }),
    }))
    .sort((a, b) => a.providerName.localeCompare(b.providerName));
}
