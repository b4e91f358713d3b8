/**
 * Inviting provider staff to the portal. The school creates the account with no password and Waymark
 * emails a one-time link; the person chooses their own password, so no password ever travels by email
 * or passes through the school.
 */
import { momentInWords } from '@waymark/domain';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { newToken, sha256 } from '../../lib/tokens.ts';
import type { Reading } from '../../lib/use-case.ts';
import { createAuthRepository } from '../auth/auth.repository.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { createOrganisationRepository } from '../organisation/organisation.repository.ts';
import { createProvidersRepository, providerNamesById } from '../providers/providers.repository.ts';
import {
  createUsersRepository,
  providerStaffOf,
  roleAssignmentsOf,
  userById,
} from '../users/users.repository.ts';
import { invitationsErrors } from './invitations.errors.ts';
import { invitations } from './invitations.table.ts';

export const INVITATION_VALID_DAYS = 7;

interface Command {
  db: Database;
  actor: Actor;
  ipAddress: string | null;
  now: Date;
  publicUrl: string;
}

/** Replaces any earlier link, stores the new one and queues the email, all in the caller's transaction. */
async function issueInvitation(
  tx: Database,
  { actor, now, publicUrl }: Pick<Command, 'actor' | 'now' | 'publicUrl'>,
  person: { userId: string; email: string; displayName: string; providerName: string },
) {
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.userId, person.userId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60_000);
  await tx.insert(invitations).values({
    tokenHash: sha256(token),
    userId: person.userId,
    invitedBy: actor.userId,
    createdAt: now,
    expiresAt,
  });
  const group = await createOrganisationRepository({ db: tx }).findGroup(actor.groupId);
  await queueEmail(
    tx,
    {
      groupId: actor.groupId,
      kind: 'invitation',
      to: person.email,
      toName: person.displayName,
      subject: `Your Waymark account for ${person.providerName}`,
      text: [
        `Hello ${person.displayName},`,
        '',
        `${actor.displayName} of ${group?.name ?? 'the school group'} has set up a Waymark account for you at ${person.providerName}.`,
        'Waymark is where you and the schools that place pupils with you share safeguarding assurance, attendance and reviews.',
        '',
        `Choose your password here. The link works once and until ${momentInWords(expiresAt)}:`,
        `${publicUrl}/invitation/${token}`,
        '',
        `You will then sign in with this email address (${person.email}).`,
        'If you were not expecting this email, you can ignore it; nobody can use the account without the link.',
      ].join('\n'),
    },
    now,
  );
}

export async function inviteProviderStaff({
  db,
  actor,
  ipAddress,
  now,
  publicUrl,
  providerId,
  email,
  displayName,
}: Command & { providerId: string; email: string; displayName: string }) {
  return db.transaction(async (tx) => {
    const provider = await createProvidersRepository({ db: tx }).get(actor.groupId, providerId);
    const usersRepository = createUsersRepository({ db: tx });
    if (await usersRepository.emailTaken(email)) throw invitationsErrors.emailTaken();
    const user = await usersRepository
      .insert({ groupId: actor.groupId, email, displayName, passwordHash: null })
      .catch((error) => {
        throw isUniqueViolation(error, 'users_email_unique') ? invitationsErrors.emailTaken() : error;
      });
    await usersRepository.insertAssignment({
      userId: user.id,
      role: 'provider_staff',
      scopeType: 'provider',
      scopeId: providerId,
    });
    await issueInvitation(
      tx,
      { actor, now, publicUrl },
      { userId: user.id, email: user.email, displayName, providerName: provider.name },
    );
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'invitations.sent',
        recordType: 'provider',
        recordId: providerId,
        summary: `Invited ${displayName} <${user.email}> to the portal for ${provider.name}`,
      },
    );
    return user.id;
  });
}

export async function resendInvitation({
  db,
  actor,
  ipAddress,
  now,
  publicUrl,
  providerId,
  userId,
}: Command & { providerId: string; userId: string }) {
  await db.transaction(async (tx) => {
    const provider = await createProvidersRepository({ db: tx }).get(actor.groupId, providerId);
    const person = (await providerStaffOf(tx, actor.groupId, providerId)).find((p) => p.id === userId);
    if (!person) throw invitationsErrors.staffNotFound();
    if (person.hasPassword) throw invitationsErrors.alreadyActive();
    await issueInvitation(
      tx,
      { actor, now, publicUrl },
      { userId, email: person.email, displayName: person.displayName, providerName: provider.name },
    );
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'invitations.resent',
        recordType: 'provider',
        recordId: providerId,
        summary: `Sent a new invitation to ${person.displayName} <${person.email}> for ${provider.name}`,
      },
    );
  });
}

export async function listProviderStaff({ db, actor, providerId }: Reading & { providerId: string }) {
  const _provider = await createProvidersRepository({ db }).get(actor.groupId, providerId);
  const people = await providerStaffOf(db, actor.groupId, providerId);
  const pending = people.length
    ? await db
        .select({
          userId: invitations.userId,
          expiresAt: invitations.expiresAt,
          createdAt: invitations.createdAt,
        })
        .from(invitations)
        .where(
          and(
            inArray(
              invitations.userId,
              people.map((p) => p.id),
            ),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .orderBy(desc(invitations.createdAt))
    : [];
  return people.map((person) => {
    const invitation = pending.find((i) => i.userId === person.id);
    const status = !person.isActive ? 'deactivated' : person.hasPassword ? 'active' : 'invited';
    return {
      id: person.id,
      email: person.email,
      displayName: person.displayName,
      status,
      invitedAt: status === 'invited' ? (invitation?.createdAt.toISOString() ?? null) : null,
      invitationExpiresAt: status === 'invited' ? (invitation?.expiresAt.toISOString() ?? null) : null,
    } as const;
  });
}

async function findUsableInvitation(db: Database, token: string, now: Date) {
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, sha256(token)));
  const user = invitation ? await userById(db, invitation.userId) : null;
  const found =
    invitation && user
      ? {
          id: invitation.id,
          userId: user.id,
          email: user.email,
          displayName: user.displayName,
          groupId: user.groupId,
          expiresAt: invitation.expiresAt,
          acceptedAt: invitation.acceptedAt,
          revokedAt: invitation.revokedAt,
          isActive: user.isActive,
        }
      : null;
  const usable = found && !found.acceptedAt && !found.revokedAt && found.isActive && found.expiresAt > now;
  if (!usable) throw invitationsErrors.unusable();
  return found;
}

/** What the set-password page shows before the person chooses a password. */
export async function describeInvitation({ db, token, now }: { db: Database; token: string; now: Date }) {
  const invitation = await findUsableInvitation(db, token, now);
  const providerIds = (await roleAssignmentsOf(db, invitation.userId))
    .filter((a) => a.scopeType === 'provider')
    .map((a) => a.scopeId);
  const [provider] = await providerNamesById(db, providerIds);
  return {
    email: invitation.email,
    displayName: invitation.displayName,
    providerName: provider?.name ?? null,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

export async function acceptInvitation({
  db,
  token,
  password,
  now,
  ipAddress,
}: {
  db: Database;
  token: string;
  password: string;
  now: Date;
  ipAddress: string | null;
}) {
  // Hashed before the transaction: argon2 is slow on purpose and must not hold a lock.
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const invitation = await findUsableInvitation(tx, token, now);
    // Claimed with a condition, so two clicks on the same link set the password once.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw invitationsErrors.unusable();
    await createUsersRepository({ db: tx }).update(invitation.userId, { passwordHash });
    await createAuthRepository({ db: tx }).clearThrottle(invitation.email);
    await recordAudit(
      tx,
      {
        actor: {
          userId: invitation.userId,
          displayName: invitation.displayName,
          groupId: invitation.groupId,
        },
        ipAddress,
      },
      {
        action: 'invitations.accepted',
        recordType: 'user',
        recordId: invitation.userId,
        summary: `${invitation.displayName} accepted their invitation and chose a password`,
      },
    );
    return { email: invitation.email };
  });
}
