/** Recording contact about a placement: calls, emails, meetings, visits and letters. */
import type { CommunicationKind } from '@waymark/domain';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { findPlacementInReach } from './placement-view.ts';
import { placementCommunications } from './placements.table.ts';
import { type Command, getPlacement } from './placements.usecases.ts';

export async function communicationsOf(db: Database, placementId: string) {
  const rows = await db
    .select()
    .from(placementCommunications)
    .where(eq(placementCommunications.placementId, placementId))
    .orderBy(desc(placementCommunications.occurredOn), desc(placementCommunications.recordedAt));
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind,
    occurredOn: c.occurredOn,
    withWhom: c.withWhom,
    summary: c.summary,
    followUp: c.followUp,
    recordedByName: c.recordedByName,
  }));
}

export async function recordCommunication({
  db,
  actor,
  ipAddress,
  today,
  placementId,
  input,
}: Command & {
  placementId: string;
  input: {
    kind: CommunicationKind;
    occurredOn: string;
    withWhom: string;
    summary: string;
    followUp: string;
  };
}) {
  if (input.occurredOn > today)
    throw fieldError('placements.future_contact', 'occurredOn', 'This date is in the future');
  await db.transaction(async (tx) => {
    const found = await findPlacementInReach(tx, actor, placementId, 'placements.manage');
    await tx
      .insert(placementCommunications)
      .values({ placementId, ...input, recordedBy: actor.userId, recordedByName: actor.displayName });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.communication_recorded',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `Recorded a ${input.kind} with ${input.withWhom} on ${input.occurredOn}`,
      },
    );
  });
  return getPlacement({ db, actor, ipAddress, today, placementId });
}
