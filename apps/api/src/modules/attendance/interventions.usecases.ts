import { dateInWords } from '@waymark/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import type { Reading } from '../../lib/use-case.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { placementsWithPupils } from '../placements/placements.repository.ts';
import { attendanceInterventions } from './attendance.table.ts';

const notFound = defineError(
  'attendance.intervention_not_found',
  404,
  'There is no such open intervention at your schools.',
);

export async function openInterventions({ db, actor }: { db: Database; actor: Actor }) {
  const open = await db
    .select()
    .from(attendanceInterventions)
    .where(
      and(
        eq(attendanceInterventions.groupId, actor.groupId),
        eq(attendanceInterventions.status, 'open'),
        schoolColumnInReach(db, actor, reachOf(actor, 'attendance.read'), attendanceInterventions.schoolId),
      ),
    )
    .orderBy(asc(attendanceInterventions.openedOn));
  // An ended placement's attendance has nothing left to improve: its intervention leaves the list.
  const running = new Map(
    (await placementsWithPupils(db, { ids: open.map((i) => i.placementId), statuses: ['active'] })).map(
      (p) => [p.placement.id, p],
    ),
  );
  const rows = open.flatMap((intervention) => {
    const p = running.get(intervention.placementId);
    return p
      ? [
          {
            intervention,
            pupilName: p.pupilName,
            providerName: p.providerName,
            target: p.placement.attendanceTargetPercent,
          },
        ]
      : [];
  });
  return rows.map(({ intervention: i, pupilName, providerName, target }) => ({
    id: i.id,
    placementId: i.placementId,
    pupilName,
    providerName,
    openedOn: i.openedOn,
    attendancePercentAtOpening: i.attendancePercentAtOpening,
    targetPercent: target,
    action: i.action,
    owner: i.owner,
    reviewOn: i.reviewOn,
  }));
}

export async function updateIntervention({
  db,
  actor,
  ipAddress,
  interventionId,
  input,
}: Reading & {
  ipAddress: string | null;
  interventionId: string;
  input: { action: string; owner: string; reviewOn: string } | { outcome: string };
}) {
  await db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(attendanceInterventions)
      .where(
        and(
          eq(attendanceInterventions.id, interventionId),
          eq(attendanceInterventions.groupId, actor.groupId),
          eq(attendanceInterventions.status, 'open'),
          schoolColumnInReach(
            tx,
            actor,
            reachOf(actor, 'attendance.manage'),
            attendanceInterventions.schoolId,
          ),
        ),
      );
    if (!found) throw notFound();
    const closing = 'outcome' in input;
    await tx
      .update(attendanceInterventions)
      .set(closing ? { status: 'closed', outcome: input.outcome } : input)
      .where(eq(attendanceInterventions.id, interventionId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: closing ? 'attendance.intervention_closed' : 'attendance.intervention_planned',
        recordType: 'placement',
        recordId: found.placementId,
        schoolId: found.schoolId,
        summary: closing
          ? `Closed the attendance intervention: ${input.outcome}`
          : `Attendance intervention: ${input.action} (owner ${input.owner}, review ${dateInWords(input.reviewOn)})`,
      },
    );
  });
}
