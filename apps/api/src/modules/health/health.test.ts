import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust } from '../../test/builders.ts';
import { signedInClient } from '../../test/http-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('says the service is up, which database it uses and its version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      now: t.now().toISOString(),
    });
  });

  it('publishes the OpenAPI document and the API reference page', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/users/{userId}'].get.summary).toBe('One user');
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('when the database goes away', () => {
  it('answers 503 with a plain message, and health reports it', async () => {
    const t = await createTestApp();
    const trust = await buildTrust(t.database.db);
    const admin = await signedInClient(t.app, trust.admin.email);
    await t.database.close();
    const response = await admin.post('/api/users', {
      email: 'x@y.example',
      displayName: 'X',
      password: 'long enough password',
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toEqual({
      code: 'service.database_unavailable',
      message: 'Waymark cannot reach its database just now. Nothing was saved; try again in a minute.',
    });
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json().status).toBe('unavailable');
    await t.close();
  });
});
