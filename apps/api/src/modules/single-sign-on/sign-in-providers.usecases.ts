/** An administrator's setup of the identity providers their group signs in with. */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { diff, recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { configurationOf } from './openid.ts';
import { singleSignOnErrors } from './single-sign-on.errors.ts';
import { createSingleSignOnRepository } from './single-sign-on.repository.ts';
import type {
  SignInProviderBody,
  SignInProviderUpdate,
  SignInProviderView,
} from './single-sign-on.schemas.ts';
import { signInProviders } from './single-sign-on.table.ts';
import { callbackPath } from './single-sign-on.usecases.ts';

type ProviderRow = typeof signInProviders.$inferSelect;

function present(row: ProviderRow, publicUrl: string): SignInProviderView {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    emailDomains: row.emailDomains,
    isEnabled: row.isEnabled,
    callbackUrl: publicUrl + callbackPath,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Refuses a setup Waymark could not use: a domain already sent elsewhere, an issuer with no discovery. */
async function checkSetup(db: Database, row: ProviderRow, exceptId?: string) {
  const taken = await createSingleSignOnRepository(db).domainsTaken(row.emailDomains, exceptId);
  if (taken.length)
    throw fieldError(
      'single_sign_on.domain_taken',
      'emailDomains',
      `Already set up for single sign-on: ${taken.join(', ')}. Each email domain signs in through one provider.`,
    );
  await configurationOf(row).catch(() => {
    throw fieldError(
      'single_sign_on.issuer_unreadable',
      'issuer',
      `Waymark could not read the OpenID configuration at ${row.issuer}/.well-known/openid-configuration. Check the issuer address (for Microsoft: https://login.microsoftonline.com/<tenant id>/v2.0; for Google: https://accounts.google.com).`,
    );
  });
}

export async function listSignInProviders(db: Database, actor: Actor, publicUrl: string) {
  const rows = await createSingleSignOnRepository(db).providersOfGroup(actor.groupId);
  return { providers: rows.map((row) => present(row, publicUrl)) };
}

export async function createSignInProvider(
  db: Database,
  actor: Actor,
  body: SignInProviderBody,
  { now, publicUrl, ipAddress }: { now: Date; publicUrl: string; ipAddress: string | null },
) {
  const candidate: ProviderRow = {
    id: crypto.randomUUID(),
    groupId: actor.groupId,
    ...body,
    createdAt: now,
    updatedAt: now,
  };
  await checkSetup(db, candidate);
  const row = await db.transaction(async (tx) => {
    const [saved] = await tx.insert(signInProviders).values(candidate).returning();
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'sign_in_provider.created',
        recordType: 'sign_in_provider',
        recordId: candidate.id,
        summary: `Single sign-on with ${body.name} set up for ${body.emailDomains.join(', ')}`,
      },
    );
    return saved!;
  });
  return present(row, publicUrl);
}

async function ownProvider(db: Database, actor: Actor, providerId: string) {
  const row = await createSingleSignOnRepository(db).providerById(providerId);
  if (!row || row.groupId !== actor.groupId) throw singleSignOnErrors.notFound();
  return row;
}

export async function updateSignInProvider(
  db: Database,
  actor: Actor,
  providerId: string,
  changes: SignInProviderUpdate,
  { now, publicUrl, ipAddress }: { now: Date; publicUrl: string; ipAddress: string | null },
) {
  const before = await ownProvider(db, actor, providerId);
  const after: ProviderRow = { ...before, ...changes, updatedAt: now };
  await checkSetup(db, after, before.id);
  const row = await db.transaction(async (tx) => {
    const [saved] = await tx
      .update(signInProviders)
      .set({ ...changes, updatedAt: now })
      .where(eq(signInProviders.id, providerId))
      .returning();
    const { clientSecret: _secret, ...visible } = changes;
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'sign_in_provider.updated',
        recordType: 'sign_in_provider',
        recordId: providerId,
        summary: `Single sign-on with ${after.name} changed${changes.clientSecret ? '; client secret replaced' : ''}`,
        changes: diff(before as Record<string, unknown>, visible),
      },
    );
    return saved!;
  });
  return present(row, publicUrl);
}

export async function deleteSignInProvider(
  db: Database,
  actor: Actor,
  providerId: string,
  ipAddress: string | null,
) {
  const before = await ownProvider(db, actor, providerId);
  await db.transaction(async (tx) => {
    await tx.delete(signInProviders).where(eq(signInProviders.id, providerId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'sign_in_provider.deleted',
        recordType: 'sign_in_provider',
        recordId: providerId,
        summary: `Single sign-on with ${before.name} removed; its people sign in with their passwords`,
      },
    );
  });
}
