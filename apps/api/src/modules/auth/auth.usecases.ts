/** Signing in and out, and changing one's own password. */
import { permissionsOf } from '@waymark/domain';
import type { SessionView } from '@waymark/domain/contracts/auth';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { sha256 } from '../../lib/tokens.ts';
import type { Reading } from '../../lib/use-case.ts';
import { createOrganisationRepository } from '../organisation/organisation.repository.ts';
import {
  forgetTrustedBrowsers,
  type SecondFactorState,
  stateAfterPassword,
} from '../second-factor/second-factor.usecases.ts';
import { createUsersRepository } from '../users/users.repository.ts';
import { authErrors, SIGN_IN_LIMITS } from './auth.errors.ts';
import { createAuthRepository } from './auth.repository.ts';
import { startSession } from './sessions.ts';

export interface RequestInfo {
  ipAddress: string | null;
  userAgent: string | null;
}

export async function signIn({
  db,
  email,
  password,
  previousSessionToken,
  trustedBrowserToken,
  sessionConfig,
  now,
  request,
}: {
  db: Database;
  email: string;
  password: string;
  previousSessionToken: string | undefined;
  /** The token of a browser the person trusted after an authenticator code, if this one is. */
  trustedBrowserToken?: string | undefined;
  sessionConfig: Config['session'];
  now: Date;
  request: RequestInfo;
}) {
  const authRepository = createAuthRepository({ db });
  const throttle = await authRepository.findThrottle(email);
  if (throttle?.lockedUntil && throttle.lockedUntil > now) throw authErrors.lockedOut();

  const user = await authRepository.findActiveUserByEmail(email);
  // Verified outside any transaction: argon2 takes tens of milliseconds and must not hold a lock.
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);

  if (!user || !passwordMatches) {
    const lockedNow = await db.transaction(async (tx) => {
      const repository = createAuthRepository({ db: tx });
      const stale =
        throttle &&
        now.getTime() - throttle.lastFailureAt.getTime() > SIGN_IN_LIMITS.failureWindowMinutes * 60_000;
      const expiredLock = throttle?.lockedUntil && throttle.lockedUntil <= now;
      if (stale || expiredLock) await repository.clearThrottle(email);
      const state = await repository.recordFailure(email, now, SIGN_IN_LIMITS);
      if (user) {
        await recordAudit(
          tx,
          { actor: null, ipAddress: request.ipAddress },
          {
            action: 'auth.sign_in_failed',
            recordType: 'user',
            recordId: user.id,
            summary: `Failed sign-in for ${user.email} (${state.failures} in a row)`,
          },
        );
      }
      return state.lockedUntil !== null && state.lockedUntil > now;
    });
    throw lockedNow ? authErrors.lockedOut() : authErrors.invalidCredentials();
  }

  const secondFactor = await stateAfterPassword(db, {
    userId: user.id,
    roles: (await authRepository.findAssignments(user.id)).map((a) => a.role),
    ...(trustedBrowserToken ? { trustedToken: trustedBrowserToken } : {}),
    now,
  });

  return db.transaction(async (tx) => {
    await createAuthRepository({ db: tx }).clearThrottle(email);
    return beginSession(tx, {
      user,
      secondFactor,
      previousSessionToken,
      sessionConfig,
      now,
      request,
      how: 'signed in with their password',
    });
  });
}

/**
 * Starts a session for someone whose identity is proven (password, or their school's single sign-on),
 * ending the browser's previous one, and records it. Call inside the sign-in's transaction.
 */
export async function beginSession(
  tx: Database,
  {
    user,
    secondFactor,
    previousSessionToken,
    sessionConfig,
    now,
    request,
    how,
  }: {
    user: { id: string; groupId: string; email: string; displayName: string };
    secondFactor: SecondFactorState;
    previousSessionToken: string | undefined;
    sessionConfig: Config['session'];
    now: Date;
    request: RequestInfo;
    /** For the audit log: "signed in", "signed in with Microsoft". */
    how: string;
  },
) {
  const repository = createAuthRepository({ db: tx });
  // A new session every sign-in, and the old one ended, so a fixed session id cannot be carried over.
  if (previousSessionToken) await repository.deleteSession(sha256(previousSessionToken));
  const started = await startSession({
    authRepository: repository,
    userId: user.id,
    sessionConfig,
    now,
    ipAddress: request.ipAddress,
    userAgent: request.userAgent,
    secondFactor,
  });
  await recordAudit(
    tx,
    { actor: { ...user, userId: user.id }, ipAddress: request.ipAddress },
    {
      action: 'auth.signed_in',
      recordType: 'user',
      recordId: user.id,
      summary:
        secondFactor === 'done'
          ? `${user.displayName} ${how}`
          : `${user.displayName} ${how}; ${secondFactor === 'code' ? 'their authenticator code' : 'setting up two-factor sign-in'} is next`,
    },
  );
  const actor: Actor = {
    userId: user.id,
    groupId: user.groupId,
    email: user.email,
    displayName: user.displayName,
    sessionTokenHash: sha256(started.sessionToken),
    assignments: await repository.findAssignments(user.id),
  };
  return { ...started, actor, secondFactor };
}

export async function signOut({ db, actor, ipAddress }: Reading & { ipAddress: string | null }) {
  await db.transaction(async (tx) => {
    await createAuthRepository({ db: tx }).deleteSession(actor.sessionTokenHash);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'auth.signed_out',
        recordType: 'user',
        recordId: actor.userId,
        summary: `${actor.displayName} signed out`,
      },
    );
  });
}

export async function signOutEverywhere({ db, actor, ipAddress }: Reading & { ipAddress: string | null }) {
  return db.transaction(async (tx) => {
    const ended = await createAuthRepository({ db: tx }).deleteSessionsOfUser(actor.userId);
    // Every device means trusted browsers too: each will ask for the authenticator code again.
    await forgetTrustedBrowsers(tx, actor.userId);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'auth.signed_out_everywhere',
        recordType: 'user',
        recordId: actor.userId,
        summary: `${actor.displayName} signed out of every device (${ended} sessions ended)`,
      },
    );
    return { endedSessions: ended };
  });
}

export async function changeOwnPassword({
  db,
  actor,
  currentPassword,
  newPassword,
  ipAddress,
}: Reading & { currentPassword: string; newPassword: string; ipAddress: string | null }) {
  const user = await createUsersRepository({ db }).findById(actor.groupId, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword)))
    throw authErrors.wrongCurrentPassword();
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await createUsersRepository({ db: tx }).update(actor.userId, { passwordHash });
    // Anyone who knew the old password loses their session; this device stays signed in.
    await createAuthRepository({ db: tx }).deleteSessionsOfUser(actor.userId, actor.sessionTokenHash);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'auth.password_changed',
        recordType: 'user',
        recordId: actor.userId,
        summary: `${actor.displayName} changed their password; other sessions ended`,
      },
    );
  });
}

export async function describeSession({
  db,
  actor,
  expiresAt,
}: Reading & { expiresAt?: Date }): Promise<SessionView> {
  const organisation = createOrganisationRepository({ db });
  const [group, names] = await Promise.all([
    organisation.findGroup(actor.groupId),
    organisation.scopeNames(
      actor.groupId,
      actor.assignments.map((a) => a.scopeId),
    ),
  ]);
  return {
    user: { id: actor.userId, email: actor.email, displayName: actor.displayName },
    group: { id: actor.groupId, name: group?.name ?? '' },
    assignments: actor.assignments.map((a) => ({ ...a, scopeName: names.get(a.scopeId) ?? 'Unknown' })),
    permissions: permissionsOf(actor.assignments.map((a) => a.role)),
    ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
  };
}
