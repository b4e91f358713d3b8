/** Recording contact about a placement: calls, emails, meetings, visits and letters. */

import type { CommunicationKind } from '@waymark/domain';
import { dateInWords } from '@waymark/domain';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { placementCommunications } from './placements.table.ts';
import { type Command, changePlacement } from './placements.usecases.ts';

export async function recordCommunication(
  command: Command & {
    placementId: string;
    input: {
      kind: CommunicationKind;
      occurredOn: string;
      withWhom: string;
      summary: string;
      followUp: string;
    };
  },
) {
  const { actor, ipAddress, today, placementId, input } = command;
  if (input.occurredOn > today)
    throw fieldError('placements.future_contact', 'occurredOn', 'This date is in the future');
  return changePlacement(command, async (tx, found) => {
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
}
