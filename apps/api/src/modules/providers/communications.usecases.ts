/**
 * A provider's communications log (policy §13): contact with the provider as a whole, and, for staff
 * who may read placements, the contact recorded about each placement there, newest first.
 */

import type { CommunicationKind } from '@waymark/domain';
import { pupilDisplayName } from '@waymark/domain';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { placementCommunications, placements } from '../placements/placements.table.ts';
import { pupils } from '../pupils/pupils.table.ts';
import { providersErrors } from './providers.errors.ts';
import { createProvidersRepository } from './providers.repository.ts';
import { providerCommunications } from './providers.table.ts';

export async function providerCommunicationsLog({
  db,
  actor,
  providerId,
}: {
  db: Database;
  actor: Actor;
  providerId: string;
}) {
  const provider = await createProvidersRepository({ db }).find(actor.groupId, providerId);
  if (!provider) throw providersErrors.notFound();
  const [general, aboutPlacements] = await Promise.all([
    db.select().from(providerCommunications).where(eq(providerCommunications.providerId, providerId)),
    db
      .select({ c: placementCommunications, pupil: pupils })
      .from(placementCommunications)
      .innerJoin(placements, eq(placements.id, placementCommunications.placementId))
      .innerJoin(pupils, eq(pupils.id, placements.pupilId))
      .where(
        and(
          eq(placements.providerId, providerId),
          schoolColumnInReach(db, actor, reachOf(actor, 'placements.read'), placements.schoolId),
        ),
      ),
  ]);
  const entry = (
    c: typeof providerCommunications.$inferSelect | typeof placementCommunications.$inferSelect,
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
    ...aboutPlacements.map(({ c, pupil }) =>
      entry(c, { placementId: c.placementId, pupilName: pupilDisplayName(pupil) }),
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
}: {
  db: Database;
  actor: Actor;
  ipAddress: string | null;
  now: Date;
  today: string;
  providerId: string;
  input: { kind: CommunicationKind; occurredOn: string; withWhom: string; summary: string; followUp: string };
}) {
  if (input.occurredOn > today)
    throw fieldError('providers.future_contact', 'occurredOn', 'This date is in the future');
  await db.transaction(async (tx) => {
    const provider = await createProvidersRepository({ db: tx }).find(actor.groupId, providerId);
    if (!provider) throw providersErrors.notFound();
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
        summary: `Recorded a ${input.kind} with ${input.withWhom} on ${input.occurredOn}`,
      },
    );
  });
}
