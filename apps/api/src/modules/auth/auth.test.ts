import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser, TEST_PASSWORD } from '../../test/builders.ts';
import { createClient, signedInClient } from '../../test/http-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { sessions } from './auth.table.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
});
afterAll(() => t.close());

async function newUser(email: string, role: 'ap_lead' | 'attendance_officer' = 'ap_lead') {
  return buildUser(t.database.db, {
    groupId: trust.group.id,
    email,
    roles: [{ role, scopeType: 'school', scopeId: trust.schoolA.id }],
  });
}

describe('signing in', () => {
  it('starts a session with an httpOnly cookie and returns the user, roles and permissions', async () => {
    // An attendance officer: no second step (two-factor sign-in has its own tests).
    await newUser('sign.in@school.example', 'attendance_officer');
    const client = createClient(t.app);
    await client.get('/api/auth/session');
    const response = await client.post('/api/auth/sign-in', {
      email: 'Sign.In@School.example ',
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    const sessionCookie = response.cookies.find((c) => c.name === 'waymark_session')!;
    expect(sessionCookie.httpOnly).toBe(true);
    expect(sessionCookie.sameSite).toBe('Lax');
    const { session } = response.json();
    expect(session.user.email).toBe('sign.in@school.example');
    expect(session.assignments).toEqual([
      expect.objectContaining({ role: 'attendance_officer', scopeName: 'Alder School' }),
    ]);
    expect(session.permissions).toContain('term_dates.read');
    expect(session.permissions).not.toContain('users.manage');
    expect((await client.get('/api/auth/session')).json().session.user.email).toBe('sign.in@school.example');
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    await newUser('known@school.example');
    const wrongPassword = await createClient(t.app).request(
      'POST',
      '/api/auth/sign-in',
      { email: 'known@school.example', password: 'nope' },
      { 'x-csrf-token': 'a', cookie: 'waymark_csrf=a' },
    );
    const unknownEmail = await createClient(t.app).request(
      'POST',
      '/api/auth/sign-in',
      { email: 'nobody@school.example', password: 'nope' },
      { 'x-csrf-token': 'a', cookie: 'waymark_csrf=a' },
    );
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.json().error.code).toBe('auth.invalid_credentials');
  });

  it('refuses a deactivated user with the same message', async () => {
    const user = await buildUser(t.database.db, {
      groupId: trust.group.id,
      email: 'left@school.example',
      isActive: false,
    });
    const client = createClient(t.app);
    await client.get('/api/auth/session');
    const response = await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(response.json().error.code).toBe('auth.invalid_credentials');
  });

  it('locks an address after five failures, even the right password, for fifteen minutes', async () => {
    await newUser('locked@school.example');
    const client = createClient(t.app);
    await client.get('/api/auth/session');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (await client.post('/api/auth/sign-in', { email: 'locked@school.example', password: 'wrong' })).json()
          .error.code,
      );
    }
    expect(codes).toEqual([
      'auth.invalid_credentials',
      'auth.invalid_credentials',
      'auth.invalid_credentials',
      'auth.invalid_credentials',
      'auth.locked_out',
    ]);
    const whileLocked = await client.post('/api/auth/sign-in', {
      email: 'locked@school.example',
      password: TEST_PASSWORD,
    });
    expect(whileLocked.statusCode).toBe(429);
    expect(whileLocked.json().error.message).toMatch(/15 minutes/);
    t.advanceMinutes(16);
    expect(
      (await client.post('/api/auth/sign-in', { email: 'locked@school.example', password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });

  it('locks an unknown address the same way, so lockout reveals nothing', async () => {
    const client = createClient(t.app);
    await client.get('/api/auth/session');
    let last = '';
    for (let i = 0; i < 6; i++)
      last = (await client.post('/api/auth/sign-in', { email: 'ghost@school.example', password: 'x' })).json()
        .error.code;
    expect(last).toBe('auth.locked_out');
  });

  it('records sign-ins and failed sign-ins of known users in the audit log', async () => {
    const user = await newUser('audited@school.example');
    const client = createClient(t.app);
    await client.get('/api/auth/session');
    await client.post('/api/auth/sign-in', { email: user.email, password: 'wrong' });
    await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD });
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.recordId, user.id));
    expect(events.map((e) => e.action).sort()).toEqual(['auth.sign_in_failed', 'auth.signed_in']);
  });
});

describe('sessions', () => {
  it('replaces the previous session on sign-in, so an old session id cannot be reused', async () => {
    await newUser('rotate@school.example');
    const client = await signedInClient(t.app, 'rotate@school.example');
    const firstToken = client.cookies.get('waymark_session')!;
    await client.post('/api/auth/sign-in', { email: 'rotate@school.example', password: TEST_PASSWORD });
    expect(client.cookies.get('waymark_session')).not.toBe(firstToken);
    const replay = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      cookies: { waymark_session: firstToken },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('ends after the idle timeout and says so', async () => {
    await newUser('idle@school.example');
    const client = await signedInClient(t.app, 'idle@school.example');
    t.advanceMinutes(60);
    expect((await client.get('/api/organisation')).statusCode).toBe(200);
    t.advanceMinutes(121);
    const response = await client.get('/api/organisation');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.session_expired');
  });

  it('ends after the absolute lifetime even when in use', async () => {
    await newUser('long@school.example');
    const client = await signedInClient(t.app, 'long@school.example');
    for (let hour = 0; hour < 11; hour++) {
      t.advanceMinutes(60);
      expect((await client.get('/api/organisation')).statusCode).toBe(200);
    }
    t.advanceMinutes(61);
    expect((await client.get('/api/organisation')).json().error.code).toBe('auth.session_expired');
  });

  it('signs out of this device', async () => {
    await newUser('out@school.example');
    const client = await signedInClient(t.app, 'out@school.example');
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await client.get('/api/auth/session')).json().session).toBeNull();
  });

  it('signs out everywhere: every device of the user loses its session', async () => {
    const user = await newUser('everywhere@school.example');
    const laptop = await signedInClient(t.app, user.email);
    const phone = await signedInClient(t.app, user.email);
    const response = await laptop.post('/api/auth/sign-out-everywhere');
    expect(response.json()).toEqual({ endedSessions: 2 });
    expect((await phone.get('/api/organisation')).statusCode).toBe(401);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('changing the password keeps this device and ends the others', async () => {
    const user = await newUser('change@school.example');
    const laptop = await signedInClient(t.app, user.email);
    const phone = await signedInClient(t.app, user.email);
    const wrong = await laptop.post('/api/auth/password', {
      currentPassword: 'not it',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong.json().error.code).toBe('auth.wrong_current_password');
    const weak = await laptop.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.json().error.fields).toEqual([
      { path: 'newPassword', message: 'Use at least 12 characters' },
    ]);
    expect(
      (
        await laptop.post('/api/auth/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'a brand new passphrase',
        })
      ).statusCode,
    ).toBe(204);
    expect((await laptop.get('/api/organisation')).statusCode).toBe(200);
    expect((await phone.get('/api/organisation')).statusCode).toBe(401);
    expect(
      (await signedInClient(t.app, user.email, 'a brand new passphrase')).cookies.has('waymark_session'),
    ).toBe(true);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a state-changing request without the CSRF header', async () => {
    await newUser('csrf1@school.example');
    const client = await signedInClient(t.app, 'csrf1@school.example');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookies: Object.fromEntries(client.cookies),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.csrf_rejected');
    expect((await client.get('/api/organisation')).statusCode).toBe(200);
  });

  it('refuses a token that matches the cookie but not the session (a planted cookie)', async () => {
    await newUser('csrf2@school.example');
    const client = await signedInClient(t.app, 'csrf2@school.example');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookies: { waymark_session: client.cookies.get('waymark_session')!, waymark_csrf: 'planted' },
      headers: { 'x-csrf-token': 'planted' },
    });
    expect(response.json().error.code).toBe('auth.csrf_rejected');
  });

  it('refuses a sign-in without the CSRF cookie and header (login CSRF)', async () => {
    await newUser('csrf3@school.example');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'csrf3@school.example', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
  });
});
