/** Attendance interventions: the school gives each an action, an owner and a review date, then closes it. */
import { pupilDisplayName } from '@waymark/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { placements } from '../placements/placements.table.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { pupils } from '../pupils/pupils.table.ts';
import { attendanceInterventions } from './attendance.table.ts';

const notFound = defineError(
  'attendance.intervention_not_found',
  404,
  'There is no such open intervention at your schools.',
);

export async function openInterventions({ db, actor }: { db: Database; actor: Actor }) {
  const rows = await db
    .select({
      intervention: attendanceInterventions,
      pupil: pupils,
      providerName: providerNameOf(placements.providerId),
      target: placements.attendanceTargetPercent,
    })
    .from(attendanceInterventions)
    .innerJoin(placements, eq(placements.id, attendanceInterventions.placementId))
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .where(
      and(
        eq(attendanceInterventions.groupId, actor.groupId),
        eq(attendanceInterventions.status, 'open'),
        // An ended placement's attendance has nothing left to improve: its intervention leaves the list.
        eq(placements.status, 'active'),
        schoolColumnInReach(db, actor, reachOf(actor, 'attendance.read'), attendanceInterventions.schoolId),
      ),
    )
    .orderBy(asc(attendanceInterventions.openedOn));
  return rows.map(({ intervention: i, pupil, providerName, target }) => ({
    id: i.id,
    placementId: i.placementId,
    pupilName: pupilDisplayName(pupil),
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
}: {
  db: Database;
  actor: Actor;
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
          : `Attendance intervention: ${input.action} (owner ${input.owner}, review ${input.reviewOn})`,
      },
    );
  });
}
