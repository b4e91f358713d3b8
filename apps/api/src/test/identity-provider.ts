/**
 * A real OpenID Connect provider (oidc-provider) on a local port, standing in for a school's Microsoft
 * Entra ID or Google Workspace in tests. Its login screen signs in whichever account the test chose,
 * so a test can play "the person signs in at their school's provider" without a browser.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  emailVerified: boolean;
  /** Whether the person used a second factor at the provider (sent as amr: ["pwd", "mfa"]). */
  multiFactor?: boolean;
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the provider's login screen next; `cancel` answers access_denied. */
  signInAs(account: TestAccount | 'cancel'): void;
  close(): Promise<void>;
}

export async function startIdentityProvider({
  redirectUri,
}: {
  redirectUri: string;
}): Promise<TestIdentityProvider> {
  const clientId = `waymark-${randomUUID().slice(0, 8)}`;
  const clientSecret = randomUUID();
  const accounts = new Map<string, TestAccount>();
  let next: TestAccount | 'cancel' = 'cancel';
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...key, kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomUUID()] },
    // amr with the openid scope, so the ID token says how the person signed in, as Entra ID's can.
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: account.email, email_verified: account.emailVerified }),
      };
    },
  });
  const handle = provider.callback();

  server.on('request', async (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (next === 'cancel') {
        await provider.interactionFinished(req, res, {
          error: 'access_denied',
          error_description: 'The person cancelled',
        });
        return;
      }
      const account = next;
      if (details.prompt.name === 'login') {
        const accountId = `subject-${account.email}`;
        accounts.set(accountId, account);
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId, amr: account.multiFactor ? ['pwd', 'mfa'] : ['pwd'] } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({
        accountId: details.session!.accountId,
        clientId: details.params.client_id as string,
      });
      grant.addOIDCScope('openid email profile');
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (account) => {
      next = account;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows the provider's redirects as a browser would, keeping its cookies, until the provider sends
 * the browser back to `returnTo`; answers that final address.
 */
export async function passThroughProvider(startAt: string, returnTo: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(startAt);
  for (let hop = 0; hop < 20; hop++) {
    if (url.href.startsWith(returnTo)) return url;
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`The provider stopped at ${url} with ${response.status}: ${await response.text()}`);
    url = new URL(location, url);
  }
  throw new Error('The provider redirected too many times');
}
