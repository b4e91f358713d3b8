/**
 * A provider's communications log (policy §13): contact with the provider as a whole, and, for staff
 * who may read placements, the contact recorded about each placement there, newest first.
 */

import type { CommunicationKind } from '@waymark/domain';
import { dateInWords } from '@waymark/domain';
import { eq } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import {
  communicationsAboutProvider,
  type PlacementCommunication,
} from '../placements/placements.repository.ts';
import { createProvidersRepository } from './providers.repository.ts';
import { providerCommunications } from './providers.table.ts';

export async function providerCommunicationsLog({ db, actor, providerId }: Reading & { providerId: string }) {
  const _provider = await createProvidersRepository({ db }).get(actor.groupId, providerId);
  const [general, aboutPlacements] = await Promise.all([
    db.select().from(providerCommunications).where(eq(providerCommunications.providerId, providerId)),
    communicationsAboutProvider(db, actor, reachOf(actor, 'placements.read'), providerId),
  ]);
  const entry = (
    c: typeof providerCommunications.$inferSelect | PlacementCommunication,
    about: { placementId: string; pupilName: string } | null,
  ) => ({
    id: c.id,
    kind: c.kind,
    occurredOn: c.occurredOn,
    withWhom: c.withWhom,
    summary: c.summary,
    followUp: c.followUp,
    recordedByName: c.recordedByName,
    recordedAt: c.recordedAt.toISOString(),
    about,
  });
  return [
    ...general.map((c) => entry(c, null)),
    ...aboutPlacements.map(({ communication: c, pupilName }) =>
      entry(c, { placementId: c.placementId, pupilName }),
    ),
  ].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.recordedAt.localeCompare(a.recordedAt));
}

export async function recordProviderCommunication({
  db,
  actor,
  ipAddress,
  now,
  today,
  providerId,
  input,
}: Command & {
  today: string;
  providerId: string;
  input: { kind: CommunicationKind; occurredOn: string; withWhom: string; summary: string; followUp: string };
}) {
  if (input.occurredOn > today)
    throw fieldError('providers.future_contact', 'occurredOn', 'This date is in the future');
  await db.transaction(async (tx) => {
    const _provider = await createProvidersRepository({ db: tx }).get(actor.groupId, providerId);
    await tx.insert(providerCommunications).values({
      groupId: actor.groupId,
      providerId,
      ...input,
      recordedBy: actor.userId,
      recordedByName: actor.displayName,
      recordedAt: now,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'providers.communication_recorded',
        recordType: 'provider',
        recordId: providerId,
        summary: `Recorded a ${input.kind} with ${input.withWhom} on ${dateInWords(input.occurredOn)}`,
      },
    );
  });
}
