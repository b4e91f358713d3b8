import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust } from '../test/builders.ts';
import { signedInClient, type TestClient } from '../test/http-client.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let admin: TestClient;
let trust: Awaited<ReturnType<typeof buildTrust>>;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  admin = await signedInClient(t.app, trust.admin.email);
});
afterAll(() => t.close());

const csrf = () => ({
  'x-csrf-token': admin.cookies.get('waymark_csrf')!,
  cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
});

describe('bad input', () => {
  it('lists every failing field with a readable message', async () => {
    const response = await admin.post('/api/users', {
      email: 'not-an-email',
      displayName: '',
      password: 'short',
      assignments: [{ role: 'wizard', scopeType: 'school', scopeId: 'x' }],
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('request.invalid');
    const paths = body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'email',
        'displayName',
        'password',
        'assignments.0.role',
        'assignments.0.scopeId',
      ]),
    );
    expect(body.error.fields.find((f: { path: string }) => f.path === 'password').message).toBe(
      'Use at least 12 characters',
    );
  });

  it('names unknown fields instead of ignoring them', async () => {
    const response = await admin.post('/api/users', {
      email: 'a@b.example',
      displayName: 'A',
      password: 'long enough password',
      isAdmin: true,
    });
    expect(response.json().error.fields).toEqual([
      { path: 'isAdmin', message: 'This field is not recognised' },
    ]);
  });

  it('names wrong types', async () => {
    const response = await admin.patch(`/api/users/${trust.admin.id}`, { isActive: 'yes' });
    expect(response.json().error.fields).toEqual([
      { path: 'isActive', message: expect.stringMatching(/boolean/) },
    ]);
  });

  it('checks path and query parameters too', async () => {
    expect((await admin.get('/api/users/not-a-uuid')).json().error.fields).toEqual([
      { path: 'path.userId', message: 'Not a user id' },
    ]);
    expect((await admin.get('/api/users?pageSize=5000')).json().error.fields[0].path).toBe('query.pageSize');
  });

  it('answers malformed JSON with 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: '{"email": ',
      headers: { 'content-type': 'application/json', ...csrf() },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.malformed_json');
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: JSON.stringify({ displayName: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json', ...csrf() },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('request.too_large');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await admin.get('/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route.not_found');
  });
});
