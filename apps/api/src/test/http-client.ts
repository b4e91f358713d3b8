/**
 * A browser-like client for app.inject(): it keeps cookies between requests and echoes the CSRF
 * cookie in the X-CSRF-Token header, as the web app does.
 */

import type { RoleName } from '@waymark/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/client.ts';
import { codeAt } from '../modules/second-factor/totp.ts';
import { buildUser, TEST_PASSWORD } from './builders.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TestClient {
  cookies: Map<string, string>;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function createClient(app: FastifyInstance): TestClient {
  const cookies = new Map<string, string>();
  async function request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await app.inject({
      method,
      url,
      payload: body === undefined ? undefined : (body as object),
      headers: { 'x-csrf-token': cookies.get('waymark_csrf') ?? '', ...headers },
      cookies: Object.fromEntries(cookies),
    });
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const cleared =
        cookie.value === '' ||
        cookie.maxAge === 0 ||
        (cookie.expires && cookie.expires.getTime() <= Date.now());
      if (cleared) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
    }
    return response;
  }
  return clientOf(cookies, request);
}

/** A client from its cookie jar and one request function: the shorthand methods call that function. */
export function clientOf(cookies: TestClient['cookies'], request: TestClient['request']): TestClient {
  return {
    cookies,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

/** The app's clock, for authenticator codes that match the server's time (registered by test-app). */
const clocks = new WeakMap<FastifyInstance, () => Date>();
export const registerClock = (app: FastifyInstance, clock: () => Date) => clocks.set(app, clock);

/** Per app: the authenticator secret of each user this helper set up, and their trusted-browser token. */
const authenticators = new WeakMap<
  FastifyInstance,
  Map<string, { secret: string; trusted: string | null }>
>();

/** The code the user's authenticator shows now, for users this helper set up (see signedInClient). */
export function authenticatorCode(app: FastifyInstance, email: string, at?: Date) {
  const known = authenticators.get(app)?.get(email);
  if (!known) throw new Error(`No authenticator was set up for ${email} by the test helper`);
  return codeAt(known.secret, at ?? (clocks.get(app) ?? (() => new Date()))());
}

/**
 * A client signed in as the given user (who must have the test password). Roles that require two-factor
 * sign-in set up an authenticator app the first time, as a person would, and trust the client's
 * browser; later clients for the same person bring that trusted browser along.
 */
export async function signedInClient(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<TestClient> {
  const client = createClient(app);
  const known = authenticators.get(app) ?? new Map();
  authenticators.set(app, known);
  const trusted = known.get(email)?.trusted;
  if (trusted) client.cookies.set('waymark_trusted_browser', trusted);
  await client.get('/api/auth/session');
  const response = await client.post('/api/auth/sign-in', { email, password });
  if (response.statusCode !== 200) throw new Error(`Sign-in as ${email} failed: ${response.body}`);
  const step = response.json().secondFactor as 'code' | 'enrol' | null | undefined;
  const now = clocks.get(app) ?? (() => new Date());
  if (step === 'enrol') {
    const { secret } = (await client.post('/api/auth/second-factor/enrolment', {})).json();
    const confirmed = await client.post('/api/auth/second-factor/enrolment/confirm', {
      code: await codeAt(secret, now()),
      trustBrowser: true,
    });
    if (confirmed.statusCode !== 200) throw new Error(`Enrolment for ${email} failed: ${confirmed.body}`);
    known.set(email, { secret, trusted: client.cookies.get('waymark_trusted_browser') ?? null });
  } else if (step === 'code') {
    const passed = await client.post('/api/auth/second-factor', {
      code: await authenticatorCode(app, email),
      trustBrowser: true,
    });
    if (passed.statusCode !== 200) throw new Error(`Second factor for ${email} failed: ${passed.body}`);
    known.set(email, {
      ...known.get(email)!,
      trusted: client.cookies.get('waymark_trusted_browser') ?? null,
    });
  }
  return client;
}

/** A new member of a school's staff with one role there, signed in (through two-factor sign-in if due). */
export async function signedInStaff(
  app: FastifyInstance,
  db: Database,
  { groupId, role, schoolId }: { groupId: string; role: RoleName; schoolId: string },
) {
  const user = await buildUser(db, { groupId, roles: [{ role, scopeType: 'school', scopeId: schoolId }] });
  return signedInClient(app, user.email);
}

/** The same, for a school of a test trust: `await staffAt(t, trust.schoolA, 'ap_lead')`. */
export const staffAt = (
  t: { app: FastifyInstance; database: { db: Database } },
  school: { id: string; groupId: string },
  role: RoleName,
) => signedInStaff(t.app, t.database.db, { groupId: school.groupId, role, schoolId: school.id });
