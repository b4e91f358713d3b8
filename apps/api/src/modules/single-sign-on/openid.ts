/**
 * The OpenID Connect exchange with a group's identity provider, through openid-client: discovery,
 * the authorization address (PKCE, state and nonce) and checking the code that comes back.
 */
import * as oidc from 'openid-client';

export interface ProviderConnection {
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  updatedAt: Date;
}

/** Plain http is accepted only for an identity provider on this machine (a test or a local trial). */
export function isLocalAddress(url: URL) {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

const DISCOVERY_TTL_MS = 10 * 60_000;
const discovered = new Map<string, { at: number; configuration: Promise<oidc.Configuration> }>();

/** The provider's configuration, read from its discovery document and kept for ten minutes. */
export function configurationOf(provider: ProviderConnection): Promise<oidc.Configuration> {
  const key = `${provider.id}:${provider.updatedAt.getTime()}`;
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
  const issuer = new URL(provider.issuer);
  const configuration = oidc.discovery(
    issuer,
    provider.clientId,
    provider.clientSecret,
    oidc.ClientSecretPost(provider.clientSecret),
    {
      timeout: 10,
      ...(issuer.protocol === 'http:' && isLocalAddress(issuer)
        ? { execute: [oidc.allowInsecureRequests] }
        : {}),
    },
  );
  // A failed discovery is not kept: the next attempt tries again. A changed setup replaces the old one.
  configuration.catch(() => discovered.delete(key));
  for (const old of discovered.keys()) if (old.startsWith(`${provider.id}:`)) discovered.delete(old);
  discovered.set(key, { at: Date.now(), configuration });
  return configuration;
}

export async function authorizationAddress(
  configuration: oidc.Configuration,
  { redirectUri, loginHint }: { redirectUri: string; loginHint: string },
) {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: loginHint,
  });
  return { url, codeVerifier, state, nonce };
}

export interface IdentityClaims {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  /** The provider says the person used more than a password (amr contains mfa). */
  usedMultipleFactors: boolean;
}

export async function identityFromCallback(
  configuration: oidc.Configuration,
  callbackUrl: URL,
  checks: { codeVerifier: string; state: string; nonce: string },
): Promise<IdentityClaims> {
  const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new Error('The provider sent no ID token');
  // Providers may keep profile claims out of the ID token and serve them at userinfo (OpenID Connect
  // Core 5.4); the subject must match the ID token's, which fetchUserInfo checks.
  const profile =
    typeof idToken.email === 'string' || !configuration.serverMetadata().userinfo_endpoint
      ? idToken
      : { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
  const email = typeof profile.email === 'string' ? profile.email.trim().toLowerCase() : null;
  const amr = Array.isArray(idToken.amr) ? idToken.amr : [];
  return {
    subject: idToken.sub,
    email,
    // Google sends email_verified; Microsoft Entra ID sends xms_edov when the tenant owns the domain.
    emailVerified: profile.email_verified === true || profile.xms_edov === true,
    usedMultipleFactors: amr.includes('mfa'),
  };
}
