/** Recording contact about a placement: calls, emails, meetings, visits and letters. */

import type { CommunicationKind } from '@waymark/domain';
import { dateInWords } from '@waymark/domain';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { findPlacementInReach } from './placement-view.ts';
import { placementCommunications } from './placements.table.ts';
import { type Command, getPlacement } from './placements.usecases.ts';

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
        summary: `Recorded a ${input.kind} with ${input.withWhom} on ${dateInWords(input.occurredOn)}`,
      },
    );
  });
  return getPlacement({ db, actor, ipAddress, today, placementId });
}
