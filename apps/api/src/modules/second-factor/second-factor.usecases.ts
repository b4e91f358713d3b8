/**
 * Two-factor sign-in (decision 0015): the step after the password, enrolment with a QR code, recovery
 * codes, browsers trusted for 30 days, moving to a new phone and an administrator's reset.
 */
import {
  formatRecoveryCode,
  isRecoveryCode,
  RECOVERY_CODE_COUNT,
  type RoleName,
  secondFactorRequiredFor,
  TRUSTED_BROWSER_DAYS,
} from '@waymark/domain';
import { and, eq, gt, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError, fieldError } from '../../lib/errors.ts';
import { verifyPassword } from '../../lib/passwords.ts';
import { newToken, sha256 } from '../../lib/tokens.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { SIGN_IN_LIMITS } from '../auth/auth.errors.ts';
import { createAuthRepository } from '../auth/auth.repository.ts';
import { usersErrors } from '../users/users.errors.ts';
import { createUsersRepository } from '../users/users.repository.ts';
import { recoveryCodes, secondFactors, trustedBrowsers } from './second-factor.table.ts';
import { acceptedStep, enrolmentUri, newRecoveryCode, newSecret } from './totp.ts';

export type SecondFactorState = 'done' | 'code' | 'enrol';

export const secondFactorErrors = {
  wrongCode: () =>
    fieldError('second_factor.wrong_code', 'code', 'That code is not right, or has already been used'),
  noEnrolment: defineError(
    'second_factor.no_enrolment',
    409,
    'Start setting up your authenticator app first: the code could not be checked.',
  ),
  passwordNeeded: () =>
    fieldError(
      'second_factor.password_needed',
      'password',
      'Enter your password to move two-factor sign-in to a new phone',
    ),
  lockedOut: defineError(
    'second_factor.locked_out',
    429,
    'Too many wrong codes. Wait 15 minutes, or ask an administrator to reset your two-factor sign-in.',
  ),
};

/** Which step a password sign-in leads to: none, the code, or setting up the app first. */
export async function stateAfterPassword(
  db: Database,
  {
    userId,
    roles,
    trustedToken,
    now,
  }: { userId: string; roles: RoleName[]; trustedToken?: string; now: Date },
): Promise<SecondFactorState> {
  const [factor] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
  if (factor?.secret) {
    if (trustedToken) {
      const [trusted] = await db
        .select({ userId: trustedBrowsers.userId })
        .from(trustedBrowsers)
        .where(
          and(
            eq(trustedBrowsers.tokenHash, sha256(trustedToken)),
            eq(trustedBrowsers.userId, userId),
            gt(trustedBrowsers.expiresAt, now),
          ),
        );
      if (trusted) return 'done';
    }
    return 'code';
  }
  return secondFactorRequiredFor(roles) ? 'enrol' : 'done';
}

async function markSessionDone(db: Database, sessionTokenHash: string) {
  await createAuthRepository({ db }).markSecondFactorDone(sessionTokenHash);
}

/** Forgets every browser the person trusted: each asks for the authenticator code again. */
export async function forgetTrustedBrowsers(db: Database, userId: string) {
  await db.delete(trustedBrowsers).where(eq(trustedBrowsers.userId, userId));
}

/** A token that lets this browser skip the code for 30 days; only its hash is kept. */
async function trustThisBrowser(db: Database, userId: string, now: Date) {
  const token = newToken();
  await db.insert(trustedBrowsers).values({
    tokenHash: sha256(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + TRUSTED_BROWSER_DAYS * 86_400_000),
  });
  return token;
}

async function issueRecoveryCodes(db: Database, userId: string, now: Date) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: sha256(code), createdAt: now })));
  return codes.map(formatRecoveryCode);
}

/**
 * A new secret to scan. While the person already has a confirmed app (moving to a new phone), their
 * password is asked for, and the old app keeps working until the new one is confirmed.
 */
export async function startEnrolment({
  db,
  actor,
  password,
  now,
}: Reading & { password: string | undefined; now: Date }) {
  const [factor] = await db.select().from(secondFactors).where(eq(secondFactors.userId, actor.userId));
  if (factor?.secret) {
    const user = await createUsersRepository({ db }).findById(actor.groupId, actor.userId);
    if (!password || !user || !(await verifyPassword(user.passwordHash, password)))
      throw secondFactorErrors.passwordNeeded();
  }
  const secret = newSecret();
  await db
    .insert(secondFactors)
    .values({ userId: actor.userId, pendingSecret: secret, pendingSince: now })
    .onConflictDoUpdate({
      target: secondFactors.userId,
      set: { pendingSecret: secret, pendingSince: now },
    });
  const uri = enrolmentUri(secret, actor.email);
  return { secret, uri, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** A code someone entered at a step of signing in, and whether they asked to trust this browser. */
interface CodeEntry {
  db: Database;
  actor: Actor;
  code: string;
  trustBrowser: boolean;
  now: Date;
  ipAddress: string | null;
}

/** The first code from the new app confirms it; the recovery codes are shown this once. */
export async function confirmEnrolment({ db, actor, code, trustBrowser, now, ipAddress }: CodeEntry) {
  return db.transaction(async (tx) => {
    const [factor] = await tx.select().from(secondFactors).where(eq(secondFactors.userId, actor.userId));
    if (!factor?.pendingSecret) throw secondFactorErrors.noEnrolment();
    const step = isRecoveryCode(code) ? null : await acceptedStep(factor.pendingSecret, code, now, null);
    if (step === null) throw secondFactorErrors.wrongCode();
    const moved = Boolean(factor.secret);
    await tx
      .update(secondFactors)
      .set({
        secret: factor.pendingSecret,
        confirmedAt: now,
        pendingSecret: null,
        pendingSince: null,
        lastTimeStep: step,
      })
      .where(eq(secondFactors.userId, actor.userId));
    const codes = await issueRecoveryCodes(tx, actor.userId, now);
    // A new phone: browsers trusted with the old one must show the new one too.
    if (moved) await tx.delete(trustedBrowsers).where(eq(trustedBrowsers.userId, actor.userId));
    await markSessionDone(tx, actor.sessionTokenHash);
    const trustedToken = trustBrowser ? await trustThisBrowser(tx, actor.userId, now) : null;
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: moved ? 'auth.second_factor_moved' : 'auth.second_factor_enrolled',
        recordType: 'user',
        recordId: actor.userId,
        summary: moved
          ? `${actor.displayName} moved two-factor sign-in to a new authenticator app; new recovery codes issued`
          : `${actor.displayName} set up two-factor sign-in; ${RECOVERY_CODE_COUNT} recovery codes issued`,
      },
    );
    return { recoveryCodes: codes, trustedToken };
  });
}

/**
 * The code after the password: from the app, or a recovery code (used once). Wrong codes count
 * towards the same lockout as wrong passwords. A trusted browser gets a token to skip this for 30 days.
 */
export async function passSecondFactor({
  db,
  actor,
  code,
  trustBrowser,
  now,
  ipAddress,
}: CodeEntry): Promise<{ trustedToken: string | null }> {
  const auth = createAuthRepository({ db });
  const throttle = await auth.findThrottle(actor.email);
  if (throttle?.lockedUntil && throttle.lockedUntil > now) throw secondFactorErrors.lockedOut();
  const [factor] = await db.select().from(secondFactors).where(eq(secondFactors.userId, actor.userId));
  if (!factor?.secret) throw secondFactorErrors.noEnrolment();

  const outcome = await db.transaction(async (tx) => {
    if (isRecoveryCode(code)) {
      const [used] = await tx
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(recoveryCodes.userId, actor.userId),
            eq(recoveryCodes.codeHash, sha256(code)),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .returning({ id: recoveryCodes.id });
      if (!used) return null;
      const left = (
        await tx
          .select({ id: recoveryCodes.id })
          .from(recoveryCodes)
          .where(and(eq(recoveryCodes.userId, actor.userId), isNull(recoveryCodes.usedAt)))
      ).length;
      return `with a recovery code (${left} left)`;
    }
    const step = await acceptedStep(factor.secret!, code, now, factor.lastTimeStep);
    if (step === null) return null;
    // Only moves forward, so two sign-ins racing with one code cannot both pass.
    const [moved] = await tx
      .update(secondFactors)
      .set({ lastTimeStep: step })
      .where(
        and(
          eq(secondFactors.userId, actor.userId),
          factor.lastTimeStep === null
            ? isNull(secondFactors.lastTimeStep)
            : eq(secondFactors.lastTimeStep, factor.lastTimeStep),
        ),
      )
      .returning({ userId: secondFactors.userId });
    return moved ? 'with their authenticator app' : null;
  });

  if (outcome === null) {
    await db.transaction(async (tx) => {
      const state = await createAuthRepository({ db: tx }).recordFailure(actor.email, now, SIGN_IN_LIMITS);
      await recordAudit(
        tx,
        { actor, ipAddress },
        {
          action: 'auth.second_factor_failed',
          recordType: 'user',
          recordId: actor.userId,
          summary: `Wrong two-factor code for ${actor.email} (${state.failures} in a row)`,
        },
      );
    });
    throw secondFactorErrors.wrongCode();
  }

  return db.transaction(async (tx) => {
    await createAuthRepository({ db: tx }).clearThrottle(actor.email);
    await markSessionDone(tx, actor.sessionTokenHash);
    const trustedToken = trustBrowser ? await trustThisBrowser(tx, actor.userId, now) : null;
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'auth.second_factor_passed',
        recordType: 'user',
        recordId: actor.userId,
        summary: `${actor.displayName} completed two-factor sign-in ${outcome}${trustBrowser ? `, trusting this browser for ${TRUSTED_BROWSER_DAYS} days` : ''}`,
      },
    );
    return { trustedToken };
  });
}

export async function secondFactorStatus(db: Database, actor: Actor) {
  const [[factor], codes, browsers] = await Promise.all([
    db.select().from(secondFactors).where(eq(secondFactors.userId, actor.userId)),
    db
      .select({ usedAt: recoveryCodes.usedAt })
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, actor.userId)),
    db
      .select({ userId: trustedBrowsers.userId })
      .from(trustedBrowsers)
      .where(eq(trustedBrowsers.userId, actor.userId)),
  ]);
  return {
    required: secondFactorRequiredFor(actor.assignments.map((a) => a.role)),
    enrolled: Boolean(factor?.secret),
    confirmedAt: factor?.confirmedAt?.toISOString() ?? null,
    // Codes issued at set-up (or since) and those not used yet: "few left" means some were issued.
    recoveryCodesIssued: codes.length,
    recoveryCodesLeft: codes.filter((c) => c.usedAt === null).length,
    trustedBrowsers: browsers.length,
  };
}

/** New recovery codes replace the old ones (after some were used, or if they were lost). */
export async function replaceRecoveryCodes({ db, actor, now, ipAddress }: Command) {
  return db.transaction(async (tx) => {
    const [factor] = await tx.select().from(secondFactors).where(eq(secondFactors.userId, actor.userId));
    if (!factor?.secret) throw secondFactorErrors.noEnrolment();
    const codes = await issueRecoveryCodes(tx, actor.userId, now);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'auth.recovery_codes_replaced',
        recordType: 'user',
        recordId: actor.userId,
        summary: `${actor.displayName} replaced their recovery codes`,
      },
    );
    return { recoveryCodes: codes };
  });
}

/**
 * An administrator's reset, for a lost phone and lost codes: the app, the codes and trusted browsers go,
 * and every session ends; the person sets the app up again at their next sign-in.
 */
export async function resetSecondFactor({
  db,
  actor,
  userId,
  ipAddress,
}: Reading & { userId: string; ipAddress: string | null }) {
  await db.transaction(async (tx) => {
    const user = await createUsersRepository({ db: tx }).findById(actor.groupId, userId);
    if (!user) throw usersErrors.notFound();
    await tx.delete(secondFactors).where(eq(secondFactors.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(trustedBrowsers).where(eq(trustedBrowsers.userId, userId));
    await createAuthRepository({ db: tx }).deleteSessionsOfUser(userId);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'users.second_factor_reset',
        recordType: 'user',
        recordId: userId,
        summary: `${actor.displayName} reset two-factor sign-in for ${user.displayName} <${user.email}>; their sessions ended`,
      },
    );
  });
}
