/**
 * Signing in with a school's own accounts (Microsoft Entra ID, Google Workspace) over OpenID Connect.
 * The provider proves who the person is; Waymark decides whether they may come in: only an active
 * account an administrator created, in the provider's group, with an email the provider has verified.
 * Nobody is ever created here.
 */
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { newToken, sha256 } from '../../lib/tokens.ts';
import { createAuthRepository } from '../auth/auth.repository.ts';
import { beginSession, type RequestInfo } from '../auth/auth.usecases.ts';
import { stateAfterPassword } from '../second-factor/second-factor.usecases.ts';
import { authorizationAddress, configurationOf, identityFromCallback } from './openid.ts';
import { type SingleSignOnRefusal, singleSignOnErrors } from './single-sign-on.errors.ts';
import { createSingleSignOnRepository } from './single-sign-on.repository.ts';
import { emailDomainOf } from './single-sign-on.table.ts';

/** Long enough to type a password and approve a phone prompt at the provider; short enough to be stale. */
const ATTEMPT_MINUTES = 10;

export const callbackPath = '/api/auth/single-sign-on/callback';

export async function startSingleSignOn({
  db,
  email,
  publicUrl,
  now,
}: {
  db: Database;
  email: string;
  publicUrl: string;
  now: Date;
}) {
  const repository = createSingleSignOnRepository(db);
  const provider = await repository.enabledProviderForDomain(emailDomainOf(email));
  if (!provider) throw singleSignOnErrors.noProviderForDomain();
  const configuration = await configurationOf(provider).catch(() => {
    throw singleSignOnErrors.providerUnreachable();
  });
  const { url, codeVerifier, state, nonce } = await authorizationAddress(configuration, {
    redirectUri: publicUrl + callbackPath,
    loginHint: email,
  });
  const attemptToken = newToken();
  await db.transaction(async (tx) => {
    await createSingleSignOnRepository(tx).saveAttempt(
      {
        tokenHash: sha256(attemptToken),
        providerId: provider.id,
        state,
        nonce,
        codeVerifier,
        email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000),
      },
      now,
    );
  });
  return { redirectTo: url.href, attemptToken, providerName: provider.name };
}

type Finished =
  | { outcome: 'signed-in'; started: Awaited<ReturnType<typeof beginSession>> }
  | { outcome: 'refused'; reason: SingleSignOnRefusal };

export async function finishSingleSignOn({
  db,
  attemptToken,
  callbackUrl,
  previousSessionToken,
  trustedBrowserToken,
  sessionConfig,
  now,
  request,
}: {
  db: Database;
  attemptToken: string | undefined;
  /** The full address the provider sent the browser back to, with its code and state. */
  callbackUrl: URL;
  previousSessionToken: string | undefined;
  trustedBrowserToken: string | undefined;
  sessionConfig: Config['session'];
  now: Date;
  request: RequestInfo;
}): Promise<Finished> {
  const repository = createSingleSignOnRepository(db);
  const attempt = attemptToken ? await repository.takeAttempt(sha256(attemptToken)) : null;
  if (!attempt || attempt.expiresAt <= now) return { outcome: 'refused', reason: 'expired' };
  const provider = await repository.providerById(attempt.providerId);
  if (!provider?.isEnabled) return { outcome: 'refused', reason: 'expired' };

  const refuse = async (reason: SingleSignOnRefusal, why: string, userId?: string) => {
    await recordAudit(
      db,
      {
        actor: { userId: null, displayName: 'Not signed in', groupId: provider.groupId },
        ipAddress: request.ipAddress,
      },
      {
        action: 'auth.single_sign_on_refused',
        recordType: userId ? 'user' : 'sign_in_provider',
        recordId: userId ?? provider.id,
        summary: `Single sign-on with ${provider.name} for ${attempt.email} refused: ${why}`,
      },
    );
    return { outcome: 'refused', reason } as const;
  };

  const providerError = callbackUrl.searchParams.get('error');
  if (providerError)
    return refuse(
      providerError === 'access_denied' ? 'cancelled' : 'failed',
      `the provider answered ${providerError.slice(0, 60)}`,
    );

  let identity: Awaited<ReturnType<typeof identityFromCallback>>;
  try {
    identity = await identityFromCallback(await configurationOf(provider), callbackUrl, attempt);
  } catch (error) {
    // The library's message says which check failed (state, nonce, signature); it holds no secret.
    return refuse(
      'failed',
      error instanceof Error ? error.message.slice(0, 200) : 'the answer was not valid',
    );
  }
  if (!identity.email || !identity.emailVerified)
    return refuse('unverified', 'the provider did not vouch for an email address');
  if (!provider.emailDomains.includes(emailDomainOf(identity.email)))
    return refuse('no-account', `${identity.email} is outside the domains this provider signs in for`);

  const user = await repository.activeUserInGroup(identity.email, provider.groupId);
  if (!user) return refuse('no-account', `no active Waymark account for ${identity.email} in this group`);

  // A provider that says the person used more than a password has done the second step; otherwise
  // Waymark asks for its own authenticator code, exactly as after a password.
  const secondFactor = identity.usedMultipleFactors
    ? 'done'
    : await stateAfterPassword(db, {
        userId: user.id,
        roles: (await createAuthRepository({ db }).findAssignments(user.id)).map((a) => a.role),
        ...(trustedBrowserToken ? { trustedToken: trustedBrowserToken } : {}),
        now,
      });

  const started = await db.transaction((tx) =>
    beginSession(tx, {
      user,
      secondFactor,
      previousSessionToken,
      sessionConfig,
      now,
      request,
      how: `signed in with ${provider.name}${identity.usedMultipleFactors ? ' (multi-factor at the provider)' : ''}`,
    }),
  );
  return { outcome: 'signed-in', started };
}
