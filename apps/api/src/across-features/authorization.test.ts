import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { MissingRoutePolicyError } from '../lib/authorization.ts';
import { buildTrust, buildUser } from '../test/builders.ts';
import { createClient, signedInClient, staffAt } from '../test/http-client.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
});
afterAll(() => t.close());

describe('deny by default', () => {
  it('refuses to start when a route declares no policy', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' });
    const app = await buildApp(
      { config, db: t.database.db, connection: t.database, clock: () => new Date() },
      { logger: false },
    );
    app.get('/api/forgotten', async () => ({ secret: true }));
    await expect(app.ready()).rejects.toThrow(MissingRoutePolicyError);
    await expect(app.ready()).rejects.toThrow(/GET \/api\/forgotten/);
    await app.close().catch(() => {});
  });

  it('answers 401 on every route in the API reference to a signed-out caller, except the public ones', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const publicRoutes = [
      'GET /api/health',
      'GET /api/auth/session',
      'POST /api/auth/sign-in',
      // Single sign-on starts before anyone is signed in, and the identity provider returns to it.
      'POST /api/auth/single-sign-on/start',
      'GET /api/auth/single-sign-on/callback',
      // An invited person has no password yet: the one-time token is what lets them in.
      'GET /api/invitations/{token}',
      'POST /api/invitations/accept',
      // Pupils and parents answer voice forms through a one-time link, with no account.
      'GET /api/voice/forms/{token}',
      'POST /api/voice/forms/{token}',
      // Calendar programs fetch a private feed address without a session.
      'GET /api/calendar-feeds/{file}',
    ];
    const checked: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, unknown>>(document.paths)) {
      for (const method of Object.keys(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          cookies: { waymark_csrf: 'token' },
          headers: { 'x-csrf-token': 'token' },
          ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
        });
        if (publicRoutes.includes(route)) expect(response.statusCode, route).not.toBe(401);
        else expect(response.statusCode, route).toBe(401);
        checked.push(route);
      }
    }
    expect(checked.length).toBeGreaterThan(15);
  });

  it('answers 401 to a signed-out caller, before looking at the request', async () => {
    const response = await createClient(t.app).get('/api/users');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.signed_out');
  });

  it('answers 403 when the role lacks the permission', async () => {
    const client = await staffAt(t, trust.schoolA, 'attendance_officer');
    expect((await client.get('/api/users')).statusCode).toBe(403);
    expect((await client.get('/api/audit-log')).json().error.code).toBe('auth.forbidden');
  });

  it('lets a provider user reach nothing of the schools', async () => {
    const providerUser = await buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: trust.provider.id }],
    });
    const client = await signedInClient(t.app, providerUser.email);
    expect((await client.get('/api/organisation')).statusCode).toBe(403);
    expect(
      (await client.get(`/api/schools/${trust.schoolA.id}/term-dates?academicYear=2025/26`)).statusCode,
    ).toBe(403);
    const { session } = (await client.get('/api/auth/session')).json();
    expect(session.permissions).toEqual(['portal.use']);
  });
});

describe('the sign-in rate limit', () => {
  it('limits sign-in attempts per address per minute', async () => {
    const limited = await createTestApp({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const client = createClient(limited.app);
      await client.get('/api/auth/session');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await client.post('/api/auth/sign-in', { email: `x${i}@y.example`, password: 'p' })).statusCode,
        );
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('limits guesses at voice links and calendar feed addresses the same way', async () => {
    const limited = await createTestApp({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const client = createClient(limited.app);
      await client.get('/api/auth/session');
      for (const [method, path] of [
        ['GET', '/api/voice/forms/not-a-token'],
        ['POST', '/api/voice/forms/not-a-token'],
        ['GET', '/api/calendar-feeds/not-a-token.ics'],
      ] as const) {
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++)
          statuses.push((await client.request(method, path, method === 'POST' ? {} : undefined)).statusCode);
        expect(statuses[2], path).toBe(429);
        expect(statuses.slice(0, 2), path).not.toContain(429);
      }
    } finally {
      await limited.close();
    }
  });
});

describe('security headers', () => {
  it('sends a strict content security policy, no framing and no sniffing on every answer', async () => {
    const response = await createClient(t.app).get('/api/health');
    const csp = String(response.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "object-src 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    // Plain http in tests: HSTS is only sent where Waymark is served over HTTPS.
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS where cookies are secure (production behind HTTPS)', async () => {
    const secure = await createTestApp({ COOKIE_SECURE: 'true' });
    try {
      const response = await createClient(secure.app).get('/api/health');
      expect(String(response.headers['strict-transport-security'])).toMatch(/max-age=\d+/);
      expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });
});
