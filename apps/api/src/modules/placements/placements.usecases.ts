/** Referral and the plan: creating a placement, listing, reading (logged) and saving the plan. */
import {
  type PlacementStatus,
  placementTypeLabels,
  pupilDisplayName,
  registrationRefusal,
  yearGroupOn,
} from '@waymark/domain';
import type { createPlacementSchema, PlanInput } from '@waymark/domain/contracts/placements';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Reading } from '../../lib/use-case.ts';
import { createProvidersRepository } from '../providers/providers.repository.ts';
import { findPupilInReach } from '../pupils/pupils.repository.ts';
import { recordTermsChange } from './placement-term-changes.ts';
import {
  type FoundPlacement,
  findPlacementInReach,
  presentPlacement,
  registrationWith,
} from './placement-view.ts';
import { placementsErrors } from './placements.errors.ts';
import { placementsWithPupils } from './placements.repository.ts';
import { placements } from './placements.table.ts';

export type Command = { db: Database; actor: Actor; ipAddress: string | null; today: string };
type CreateInput = import('zod').infer<typeof createPlacementSchema>;

export async function listPlacements({
  db,
  actor,
  status,
  pupilId,
  providerId,
  today,
}: Reading & {
  status?: PlacementStatus | undefined;
  pupilId?: string | undefined;
  providerId?: string | undefined;
  today: string;
}) {
  const rows = await placementsWithPupils(
    db,
    {
      groupId: actor.groupId,
      inReach: { actor, reach: reachOf(actor, 'placements.read') },
      ...(status ? { statuses: [status] } : {}),
      ...(providerId ? { providerIds: [providerId] } : {}),
      ...(pupilId ? { where: eq(placements.pupilId, pupilId) } : {}),
    },
    500,
  );
  return rows.map(({ placement: p, pupil, pupilName, schoolName, providerName }) => ({
    id: p.id,
    status: p.status,
    type: p.type,
    startsOn: p.startsOn,
    plannedEndOn: p.plannedEndOn,
    endedOn: p.endedOn,
    schoolName,
    providerId: p.providerId,
    providerName,
    pupilId: pupil.id,
    pupilName,
    yearGroup: yearGroupOn(pupil.dateOfBirth, today),
  }));
}

export async function getPlacement({
  db,
  actor,
  ipAddress,
  today,
  placementId,
}: Command & { placementId: string }) {
  return db.transaction(async (tx) => {
    const found = await findPlacementInReach(tx, actor, placementId, 'placements.read');
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.viewed',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `Viewed the placement of ${pupilDisplayName(found.pupil)} at ${found.provider.name}`,
      },
    );
    return presentPlacement(tx, found, today);
  });
}

/**
 * One change to a placement the person manages: found within their reach and changed in one
 * transaction, then read back as the placement's page shows it.
 */
export async function changePlacement(
  command: Command & { placementId: string },
  change: (tx: Database, found: FoundPlacement) => Promise<void>,
) {
  const { db, actor, placementId } = command;
  await db.transaction(async (tx) =>
    change(tx, await findPlacementInReach(tx, actor, placementId, 'placements.manage')),
  );
  return getPlacement(command);
}

export async function createPlacement({
  db,
  actor,
  ipAddress,
  today,
  input,
}: Command & { input: CreateInput }) {
  const id = await db.transaction(async (tx) => {
    const pupil = await findPupilInReach(tx, actor, input.pupilId, 'placements.manage');
    if (pupil.leftOn) throw placementsErrors.pupilLeft(pupil.leftOn);
    const provider = await createProvidersRepository({ db: tx }).find(actor.groupId, input.providerId);
    if (!provider) throw placementsErrors.unknownProvider();
    const [row] = await tx
      .insert(placements)
      .values({
        groupId: actor.groupId,
        schoolId: pupil.schoolId,
        pupilId: pupil.id,
        providerId: provider.id,
        type: input.type,
        reason: input.reason,
        createdBy: actor.userId,
      })
      .returning({ id: placements.id });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.referred',
        recordType: 'placement',
        recordId: row!.id,
        schoolId: pupil.schoolId,
        summary: `Referred ${pupilDisplayName(pupil)} to ${provider.name}: ${placementTypeLabels[input.type].toLowerCase()}`,
      },
    );
    return row!.id;
  });
  return getPlacement({ db, actor, ipAddress, today, placementId: id });
}

export async function savePlan({
  db,
  actor,
  ipAddress,
  today,
  placementId,
  plan,
}: Command & { placementId: string; plan: PlanInput }) {
  await db.transaction(async (tx) => {
    const found = await findPlacementInReach(tx, actor, placementId, 'placements.manage');
    const { status } = found.placement;
    if (status === 'ended' || status === 'cancelled') throw placementsErrors.wrongStatus('changed', status);
    const { version, timetableChange, ...values } = plan;
    // A running placement's new timetable must not make its provider need registration it lacks
    // (Appendix 4): refused before anything changes, with the counts that say why.
    if (status === 'active') {
      const before = await registrationWith(tx, found, found.placement.sessions, today);
      const after = await registrationWith(tx, found, values.sessions, today);
      if (after?.alarm && !before?.alarm)
        throw fieldError('placements.registration_needed', 'sessions', registrationRefusal(after.reason));
    }
    // Checked and written in one statement: of two saves from the same version, only one lands.
    const saved = await tx
      .update(placements)
      .set({ ...values, version: sql`${placements.version} + 1`, updatedAt: new Date() })
      .where(and(eq(placements.id, placementId), eq(placements.version, version)))
      .returning({ id: placements.id });
    if (saved.length === 0) throw placementsErrors.changedSinceOpened();
    await recordTermsChange(tx, { actor, ipAddress, today, found, after: values, change: timetableChange });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.plan_saved',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `Saved the plan: ${values.objectives.length} objectives, ${values.reintegrationTargets.length} reintegration targets, ${values.sessions.length} sessions a week`,
      },
    );
  });
  return getPlacement({ db, actor, ipAddress, today, placementId });
}
