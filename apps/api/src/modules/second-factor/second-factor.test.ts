import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser, TEST_PASSWORD } from '../../test/builders.ts';
import { createClient, signedInClient, type TestClient } from '../../test/http-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { recoveryCodes } from './second-factor.table.ts';
import { codeAt } from './totp.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
});
afterAll(() => t.close());

const newUser = (email: string, role: 'dsl' | 'attendance_officer' = 'dsl') =>
  buildUser(t.database.db, {
    groupId: trust.group.id,
    email,
    roles: [{ role, scopeType: 'school', scopeId: trust.schoolA.id }],
  });

/** Signs in with the password only, as the sign-in page's first step does. */
async function passwordOnly(email: string, client = createClient(t.app)) {
  await client.get('/api/auth/session');
  const response = await client.post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
  expect(response.statusCode).toBe(200);
  return { client, body: response.json() };
}

/** Sets up an authenticator for a DSL through the API; returns its secret and the recovery codes. */
async function enrol(email: string) {
  const { client } = await passwordOnly(email);
  const started = (await client.post('/api/auth/second-factor/enrolment', {})).json();
  const confirmed = await client.post('/api/auth/second-factor/enrolment/confirm', {
    code: await codeAt(started.secret, t.now()),
  });
  expect(confirmed.statusCode).toBe(200);
  return { client, secret: started.secret as string, codes: confirmed.json().recoveryCodes as string[] };
}

describe('two-factor sign-in', () => {
  it("will not open a DSL's account until an authenticator app is set up", async () => {
    await newUser('dsl.one@school.example');
    const { client, body } = await passwordOnly('dsl.one@school.example');
    expect(body).toEqual({ session: null, secondFactor: 'enrol' });
    expect((await client.get('/api/auth/session')).json()).toEqual({ session: null, secondFactor: 'enrol' });
    for (const path of ['/api/incidents', '/api/pupils', '/api/obligations', '/api/account/second-factor']) {
      const refused = await client.get(path);
      expect(refused.statusCode, path).toBe(401);
      expect(refused.json().error.code).toBe('auth.second_factor_required');
    }
    const started = (await client.post('/api/auth/second-factor/enrolment', {})).json();
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/Waymark:dsl\.one%40school\.example\?/);
    expect(started.qrCode).toMatch(/^data:image\/png;base64,/);
    const wrong = await client.post('/api/auth/second-factor/enrolment/confirm', { code: '000000' });
    expect(wrong.json().error.fields).toEqual([
      { path: 'code', message: 'That code is not right, or has already been used' },
    ]);
    const confirmed = await client.post('/api/auth/second-factor/enrolment/confirm', {
      code: await codeAt(started.secret, t.now()),
    });
    const { recoveryCodes: shown, session } = confirmed.json();
    expect(shown).toHaveLength(10);
    expect(shown[0]).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(session.user.email).toBe('dsl.one@school.example');
    expect((await client.get('/api/incidents')).statusCode).toBe(200);
    // Stored hashed: the codes themselves are nowhere in the database.
    const stored = await t.database.db.select().from(recoveryCodes);
    expect(stored.map((c) => c.codeHash).join()).not.toContain(shown[0].replace('-', ''));
  });

  it('asks for the code at each sign-in, refuses a wrong or reused one, and accepts a recovery code once', async () => {
    await newUser('dsl.two@school.example');
    const { secret, codes } = await enrol('dsl.two@school.example');
    t.advanceMinutes(1);
    const first = await passwordOnly('dsl.two@school.example');
    expect(first.body.secondFactor).toBe('code');
    const code = await codeAt(secret, t.now());
    const bad = await first.client.post('/api/auth/second-factor', { code: '12345' });
    expect(bad.json().error.fields[0].path).toBe('code');
    expect((await first.client.post('/api/auth/second-factor', { code })).statusCode).toBe(200);
    expect((await first.client.get('/api/pupils')).statusCode).toBe(200);

    const second = await passwordOnly('dsl.two@school.example');
    const replay = await second.client.post('/api/auth/second-factor', { code });
    expect(replay.json().error.code).toBe('second_factor.wrong_code');
    expect((await second.client.get('/api/pupils')).statusCode).toBe(401);
    const recovered = await second.client.post('/api/auth/second-factor', { code: codes[0]!.toLowerCase() });
    expect(recovered.statusCode).toBe(200);
    expect((await second.client.get('/api/account/second-factor')).json()).toMatchObject({
      required: true,
      enrolled: true,
      recoveryCodesIssued: 10,
      recoveryCodesLeft: 9,
    });
    const third = await passwordOnly('dsl.two@school.example');
    expect((await third.client.post('/api/auth/second-factor', { code: codes[0] })).statusCode).toBe(400);
  });

  it('counts recovery codes issued apart from those left, so an account given none is not told it is running out', async () => {
    const user = await newUser('dsl.nocodes@school.example');
    // An authenticator confirmed without codes (as the demo's shared key is): none issued, none left.
    const { secret } = await enrol('dsl.nocodes@school.example');
    await t.database.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    t.advanceMinutes(1);
    const { client } = await passwordOnly('dsl.nocodes@school.example');
    await client.post('/api/auth/second-factor', { code: await codeAt(secret, t.now()) });
    expect((await client.get('/api/account/second-factor')).json()).toMatchObject({
      enrolled: true,
      recoveryCodesIssued: 0,
      recoveryCodesLeft: 0,
    });
    const made = await client.post('/api/account/second-factor/recovery-codes', {});
    expect(made.json().recoveryCodes).toHaveLength(10);
    expect((await client.get('/api/account/second-factor')).json()).toMatchObject({
      recoveryCodesIssued: 10,
      recoveryCodesLeft: 10,
    });
  });

  it('trusts a browser for 30 days when asked, until the person signs out everywhere', async () => {
    await newUser('dsl.three@school.example');
    const { secret } = await enrol('dsl.three@school.example');
    t.advanceMinutes(1);
    const { client } = await passwordOnly('dsl.three@school.example');
    await client.post('/api/auth/second-factor', { code: await codeAt(secret, t.now()), trustBrowser: true });
    const trusted = client.cookies.get('waymark_trusted_browser')!;
    expect(trusted).toBeTruthy();
    const again = createClient(t.app);
    again.cookies.set('waymark_trusted_browser', trusted);
    expect((await passwordOnly('dsl.three@school.example', again)).body.session.user.email).toBe(
      'dsl.three@school.example',
    );
    await again.post('/api/auth/sign-out-everywhere');
    const afterwards = createClient(t.app);
    afterwards.cookies.set('waymark_trusted_browser', trusted);
    expect((await passwordOnly('dsl.three@school.example', afterwards)).body.secondFactor).toBe('code');
  });

  it('moves to a new phone with the password, the old app working until the new one is confirmed', async () => {
    await newUser('dsl.four@school.example');
    const { client, secret: oldSecret } = await enrol('dsl.four@school.example');
    const noPassword = await client.post('/api/auth/second-factor/enrolment', {});
    expect(noPassword.json().error.fields[0].path).toBe('password');
    const started = (
      await client.post('/api/auth/second-factor/enrolment', { password: TEST_PASSWORD })
    ).json();
    t.advanceMinutes(1);
    const meanwhile = await passwordOnly('dsl.four@school.example');
    const old = await meanwhile.client.post('/api/auth/second-factor', {
      code: await codeAt(oldSecret, t.now()),
    });
    expect(old.statusCode).toBe(200);
    t.advanceMinutes(1);
    await client.post('/api/auth/second-factor/enrolment/confirm', {
      code: await codeAt(started.secret, t.now()),
    });
    t.advanceMinutes(1);
    const later = await passwordOnly('dsl.four@school.example');
    expect(
      (await later.client.post('/api/auth/second-factor', { code: await codeAt(oldSecret, t.now()) }))
        .statusCode,
    ).toBe(400);
    expect(
      (await later.client.post('/api/auth/second-factor', { code: await codeAt(started.secret, t.now()) }))
        .statusCode,
    ).toBe(200);
    const [moved] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.second_factor_moved'));
    expect(moved?.summary).toContain('new authenticator app');
  });

  it("lets an administrator reset someone's app: their sessions end and they set it up again", async () => {
    const dsl = await newUser('dsl.five@school.example');
    const { client } = await enrol('dsl.five@school.example');
    const admin: TestClient = await signedInClient(t.app, trust.admin.email);
    const head = await signedInClient(
      t.app,
      (
        await buildUser(t.database.db, {
          groupId: trust.group.id,
          roles: [{ role: 'headteacher', scopeType: 'school', scopeId: trust.schoolA.id }],
        })
      ).email,
    );
    expect((await head.delete(`/api/users/${dsl.id}/second-factor`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/users/${dsl.id}/second-factor`)).statusCode).toBe(204);
    expect((await client.get('/api/incidents')).statusCode).toBe(401);
    expect((await passwordOnly('dsl.five@school.example')).body.secondFactor).toBe('enrol');
    const [reset] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'users.second_factor_reset'));
    expect(reset?.summary).toContain('dsl.five@school.example');
  });

  it('is optional for an attendance officer, who can still set it up', async () => {
    await newUser('officer@school.example', 'attendance_officer');
    const { client, body } = await passwordOnly('officer@school.example');
    expect(body.session.user.email).toBe('officer@school.example');
    expect((await client.get('/api/account/second-factor')).json()).toMatchObject({
      required: false,
      enrolled: false,
    });
    const started = (await client.post('/api/auth/second-factor/enrolment', {})).json();
    await client.post('/api/auth/second-factor/enrolment/confirm', {
      code: await codeAt(started.secret, t.now()),
    });
    t.advanceMinutes(1);
    expect((await passwordOnly('officer@school.example')).body.secondFactor).toBe('code');
  });
});
