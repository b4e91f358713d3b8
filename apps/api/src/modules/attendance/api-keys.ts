/**
 * Provider API keys: created and revoked by the school; a key lets the provider's own system send
 * registers for that provider and nothing else. A revoked or unknown key is refused.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { AppError, defineError } from '../../lib/errors.ts';
import { newToken, sha256 } from '../../lib/tokens.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { createProvidersRepository, providerNameOf } from '../providers/providers.repository.ts';
import { providerApiKeys } from './api-keys.table.ts';

const keyRefused = () =>
  new AppError(
    'auth.api_key_refused',
    401,
    'This API key is not valid or has been revoked. Ask the school for a new one.',
  );
const keyNotFound = defineError('attendance.api_key_not_found', 404, 'This provider has no such API key.');

/** The provider's "actor" for a request with `Authorization: Bearer wm_…`. */
export async function actorForApiKey(db: Database, header: string | undefined, now: Date): Promise<Actor> {
  // The scheme is case-insensitive (RFC 9110 §11.1); the key itself is not.
  const token = header?.match(/^bearer +(wm_[A-Za-z0-9_-]{43})$/i)?.[1];
  if (!token) throw keyRefused();
  const [found] = await db
    .select({ key: providerApiKeys, providerName: providerNameOf(providerApiKeys.providerId) })
    .from(providerApiKeys)
    .where(and(eq(providerApiKeys.keyHash, sha256(token)), isNull(providerApiKeys.revokedAt)));
  if (!found) throw keyRefused();
  await db.update(providerApiKeys).set({ lastUsedAt: now }).where(eq(providerApiKeys.id, found.key.id));
  return {
    userId: found.key.id,
    groupId: found.key.groupId,
    email: '',
    displayName: `${found.providerName} register system (${found.key.name})`,
    sessionTokenHash: '',
    assignments: [
      { id: found.key.id, role: 'provider_staff', scopeType: 'provider', scopeId: found.key.providerId },
    ],
  };
}

export async function listApiKeys({ db, actor, providerId }: Reading & { providerId: string }) {
  await createProvidersRepository({ db }).get(actor.groupId, providerId);
  const rows = await db
    .select()
    .from(providerApiKeys)
    .where(eq(providerApiKeys.providerId, providerId))
    .orderBy(asc(providerApiKeys.createdAt));
  return rows.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
}

export async function createApiKey({
  db,
  actor,
  ipAddress,
  providerId,
  name,
}: Reading & { ipAddress: string | null; providerId: string; name: string }) {
  const key = `wm_${newToken()}`;
  await db.transaction(async (tx) => {
    const provider = await createProvidersRepository({ db: tx }).get(actor.groupId, providerId);
    await tx.insert(providerApiKeys).values({
      groupId: actor.groupId,
      providerId,
      name,
      keyHash: sha256(key),
      prefix: key.slice(0, 10),
      createdBy: actor.userId,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'providers.api_key_created',
        recordType: 'provider',
        recordId: providerId,
        summary: `Issued the API key “${name}” (${key.slice(0, 10)}…) to ${provider.name}`,
      },
    );
  });
  // The whole key is shown this once; only its hash is kept.
  return { key, keys: await listApiKeys({ db, actor, providerId }) };
}

export async function revokeApiKey({
  db,
  actor,
  ipAddress,
  providerId,
  keyId,
  now,
}: Command & { providerId: string; keyId: string }) {
  await db.transaction(async (tx) => {
    const provider = await createProvidersRepository({ db: tx }).get(actor.groupId, providerId);
    const revoked = await tx
      .update(providerApiKeys)
      .set({ revokedAt: now })
      .where(
        and(
          eq(providerApiKeys.id, keyId),
          eq(providerApiKeys.providerId, providerId),
          isNull(providerApiKeys.revokedAt),
        ),
      )
      .returning({ name: providerApiKeys.name });
    if (revoked.length === 0) throw keyNotFound();
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'providers.api_key_revoked',
        recordType: 'provider',
        recordId: providerId,
        summary: `Revoked the API key “${revoked[0]!.name}” of ${provider.name}`,
      },
    );
  });
  return listApiKeys({ db, actor, providerId });
}
