import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { createClient, signedInClient, type TestClient } from '../../test/http-client.ts';
import {
  passThroughProvider,
  startIdentityProvider,
  type TestIdentityProvider,
} from '../../test/identity-provider.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { users } from '../users/users.table.ts';

const PUBLIC_URL = 'http://waymark.test';
const CALLBACK = `${PUBLIC_URL}/api/auth/single-sign-on/callback`;

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let idp: TestIdentityProvider;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  trust = await buildTrust(t.database.db);
  idp = await startIdentityProvider({ redirectUri: CALLBACK });
  admin = await signedInClient(t.app, trust.admin.email);
  const created = await admin.post('/api/sign-in-providers', {
    name: 'Alder Microsoft',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    emailDomains: ['alder.sch.uk'],
  });
  expect(created.statusCode, created.body).toBe(201);
  // The administrator has invited Olu: single sign-on finds the account, it never makes one.
  await staff('olu.attendance@alder.sch.uk');
});
afterAll(async () => {
  await idp.close();
  await t.close();
});

const staff = (email: string, role: 'dsl' | 'attendance_officer' = 'attendance_officer', isActive = true) =>
  buildUser(t.database.db, {
    groupId: trust.group.id,
    email,
    isActive,
    roles: [{ role, scopeType: 'school', scopeId: trust.schoolA.id }],
  });

/** The whole round trip as a browser makes it: Waymark → the provider's login → back to Waymark. */
async function signInThroughProvider(email: string, client = createClient(t.app)) {
  await client.get('/api/auth/session');
  const started = await client.post('/api/auth/single-sign-on/start', { email });
  expect(started.statusCode, started.body).toBe(200);
  const back = await passThroughProvider(started.json().redirectTo, CALLBACK);
  const landed = await client.get(back.pathname + back.search);
  return { client, landed, callback: back.pathname + back.search };
}

describe('single sign-on with a school’s OpenID Connect provider', () => {
  it('signs an invited person in by their verified email, and logs it', async () => {
    idp.signInAs({ email: 'Olu.Attendance@alder.sch.uk', emailVerified: true });
    const { client, landed } = await signInThroughProvider('olu.attendance@alder.sch.uk');
    expect(landed.statusCode).toBe(303);
    expect(landed.headers.location).toBe('/');
    const session = (await client.get('/api/auth/session')).json();
    expect(session.session.user.email).toBe('olu.attendance@alder.sch.uk');
    expect((await client.get('/api/obligations')).statusCode).toBe(200);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.signed_in'))
      .orderBy(auditEvents.occurredAt);
    expect(event).toBeDefined();
    const logged = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorName, 'Test User'));
    // Named as the provider is called now (another test renames it).
    const [provider] = (await admin.get('/api/sign-in-providers')).json().providers;
    expect(logged.some((e) => e.summary.includes(`signed in with ${provider.name}`))).toBe(true);
  });

  it('never creates an account the administrator did not make, and says why it refused', async () => {
    const before = await t.database.db.select({ id: users.id }).from(users);
    idp.signInAs({ email: 'stranger@alder.sch.uk', emailVerified: true });
    const { client, landed } = await signInThroughProvider('stranger@alder.sch.uk');
    expect(landed.headers.location).toBe('/sign-in?single-sign-on=no-account');
    expect((await client.get('/api/auth/session')).json().session).toBeNull();
    expect(await t.database.db.select({ id: users.id }).from(users)).toHaveLength(before.length);
    const refused = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.single_sign_on_refused'));
    expect(refused.at(-1)?.summary).toContain('no active Waymark account for stranger@alder.sch.uk');
    expect(refused.at(-1)?.groupId).toBe(trust.group.id);
  });

  it('refuses a deactivated account, an unverified email and one outside the domains', async () => {
    await staff('left.school@alder.sch.uk', 'attendance_officer', false);
    idp.signInAs({ email: 'left.school@alder.sch.uk', emailVerified: true });
    expect((await signInThroughProvider('left.school@alder.sch.uk')).landed.headers.location).toBe(
      '/sign-in?single-sign-on=no-account',
    );

    await staff('unverified@alder.sch.uk');
    idp.signInAs({ email: 'unverified@alder.sch.uk', emailVerified: false });
    expect((await signInThroughProvider('unverified@alder.sch.uk')).landed.headers.location).toBe(
      '/sign-in?single-sign-on=unverified',
    );

    // The provider vouches for an address Waymark knows, but in a domain it does not sign in for.
    await staff('elsewhere@birch.sch.uk');
    idp.signInAs({ email: 'elsewhere@birch.sch.uk', emailVerified: true });
    expect((await signInThroughProvider('olu.attendance@alder.sch.uk')).landed.headers.location).toBe(
      '/sign-in?single-sign-on=no-account',
    );
  });

  it('still asks a DSL for the authenticator, unless the provider says a second factor was used', async () => {
    await staff('dee.dsl@alder.sch.uk', 'dsl');
    idp.signInAs({ email: 'dee.dsl@alder.sch.uk', emailVerified: true });
    const withPasswordOnly = await signInThroughProvider('dee.dsl@alder.sch.uk');
    expect(withPasswordOnly.landed.headers.location).toBe('/sign-in');
    const pending = (await withPasswordOnly.client.get('/api/auth/session')).json();
    expect(pending).toEqual({ session: null, secondFactor: 'enrol' });
    expect((await withPasswordOnly.client.get('/api/incidents')).statusCode).toBe(401);

    idp.signInAs({ email: 'dee.dsl@alder.sch.uk', emailVerified: true, multiFactor: true });
    const withMfa = await signInThroughProvider('dee.dsl@alder.sch.uk');
    expect(withMfa.landed.headers.location).toBe('/');
    expect((await withMfa.client.get('/api/auth/session')).json().session.user.email).toBe(
      'dee.dsl@alder.sch.uk',
    );
  });

  it('accepts an answer once, only in the browser that asked, within ten minutes', async () => {
    idp.signInAs({ email: 'olu.attendance@alder.sch.uk', emailVerified: true });
    const first = await signInThroughProvider('olu.attendance@alder.sch.uk');
    expect(first.landed.headers.location).toBe('/');

    // The same code and state again, from the same browser: the attempt is spent.
    const replay = createClient(t.app);
    replay.cookies.set('waymark_single_sign_on', 'not-the-attempt');
    expect((await replay.get(first.callback)).headers.location).toBe('/sign-in?single-sign-on=expired');

    // Another browser that never started: no attempt cookie.
    const client = createClient(t.app);
    await client.get('/api/auth/session');
    const started = await client.post('/api/auth/single-sign-on/start', {
      email: 'olu.attendance@alder.sch.uk',
    });
    const back = await passThroughProvider(started.json().redirectTo, CALLBACK);
    const stranger = createClient(t.app);
    expect((await stranger.get(back.pathname + back.search)).headers.location).toBe(
      '/sign-in?single-sign-on=expired',
    );

    // The browser that asked, but after the attempt has lapsed.
    t.advanceMinutes(11);
    expect((await client.get(back.pathname + back.search)).headers.location).toBe(
      '/sign-in?single-sign-on=expired',
    );
    expect((await client.get('/api/auth/session')).json().session).toBeNull();
  });

  it('refuses a tampered state and explains a cancelled sign-in', async () => {
    const client = createClient(t.app);
    await client.get('/api/auth/session');
    const started = await client.post('/api/auth/single-sign-on/start', {
      email: 'olu.attendance@alder.sch.uk',
    });
    idp.signInAs({ email: 'olu.attendance@alder.sch.uk', emailVerified: true });
    const back = await passThroughProvider(started.json().redirectTo, CALLBACK);
    back.searchParams.set('state', 'forged');
    expect((await client.get(back.pathname + back.search)).headers.location).toBe(
      '/sign-in?single-sign-on=failed',
    );

    idp.signInAs('cancel');
    expect((await signInThroughProvider('olu.attendance@alder.sch.uk')).landed.headers.location).toBe(
      '/sign-in?single-sign-on=cancelled',
    );
  });

  it('tells someone whose domain has no provider to use their password', async () => {
    const client = createClient(t.app);
    await client.get('/api/auth/session');
    const response = await client.post('/api/auth/single-sign-on/start', { email: 'someone@birch.sch.uk' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain('Sign in with your password');
  });
});

describe('setting up a sign-in provider', () => {
  it('keeps the client secret write-only and changes are logged', async () => {
    const listed = (await admin.get('/api/sign-in-providers')).json().providers;
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('clientSecret');
    expect(listed[0].callbackUrl).toBe(CALLBACK);
    const changed = await admin.patch(`/api/sign-in-providers/${listed[0].id}`, { name: 'Alder staff' });
    expect(changed.statusCode, changed.body).toBe(200);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'sign_in_provider.updated'));
    expect(events.map((e) => e.changes)).toContainEqual({
      name: { from: 'Alder Microsoft', to: 'Alder staff' },
    });
  });

  it('refuses a domain already routed, an issuer it cannot read, and http beyond this machine', async () => {
    const body = {
      name: 'Google',
      issuer: idp.issuer,
      clientId: 'x',
      clientSecret: 'y',
      emailDomains: ['birch.sch.uk', 'alder.sch.uk'],
    };
    const taken = await admin.post('/api/sign-in-providers', body);
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields).toEqual([
      { path: 'emailDomains', message: expect.stringContaining('alder.sch.uk') },
    ]);

    const unreadable = await admin.post('/api/sign-in-providers', {
      ...body,
      issuer: 'http://127.0.0.1:9/nothing',
      emailDomains: ['birch.sch.uk'],
    });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().error.fields[0].path).toBe('issuer');

    const plain = await admin.post('/api/sign-in-providers', {
      ...body,
      issuer: 'http://login.example.com',
      emailDomains: ['birch.sch.uk'],
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.fields[0].message).toContain('https://');
    expect((await admin.get('/api/sign-in-providers')).json().providers).toHaveLength(1);
  });

  it('is for administrators only, and a disabled provider sends nobody', async () => {
    const dsl = await signedInClient(t.app, (await staff('head.dsl@alder.sch.uk', 'dsl')).email);
    expect((await dsl.get('/api/sign-in-providers')).statusCode).toBe(403);
    const [provider] = (await admin.get('/api/sign-in-providers')).json().providers;
    await admin.patch(`/api/sign-in-providers/${provider.id}`, { isEnabled: false });
    try {
      const client = createClient(t.app);
      await client.get('/api/auth/session');
      expect(
        (await client.post('/api/auth/single-sign-on/start', { email: 'olu.attendance@alder.sch.uk' }))
          .statusCode,
      ).toBe(404);
    } finally {
      // The other tests sign in through it.
      await admin.patch(`/api/sign-in-providers/${provider.id}`, { isEnabled: true });
    }
  });
});
