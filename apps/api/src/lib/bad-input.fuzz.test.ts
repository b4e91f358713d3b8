/**
 * Generated bad input (fast-check) at every route: any JSON as the body, any text in the path and the
 * query, sent by a role the route lets in. No answer may be a 500, and a refused request may not
 * change a single row anywhere in the database.
 */
import { type Permission, type RoleName, roleHasPermission } from '@waymark/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../test/builders.ts';
import { databaseFingerprint } from '../test/fingerprint.ts';
import { signedInClient, type TestClient } from '../test/http-client.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
const clients = new Map<RoleName, TestClient>();
const roles: RoleName[] = ['trust_admin', 'dsl', 'provider_staff'];
const SAMPLES = 8;

beforeAll(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  for (const role of roles) {
    const scope =
      role === 'trust_admin'
        ? { scopeType: 'group' as const, scopeId: trust.group.id }
        : role === 'provider_staff'
          ? { scopeType: 'provider' as const, scopeId: trust.provider.id }
          : { scopeType: 'school' as const, scopeId: trust.schoolA.id };
    const user = await buildUser(t.database.db, { groupId: trust.group.id, roles: [{ role, ...scope }] });
    clients.set(role, await signedInClient(t.app, user.email));
  }
});
afterAll(() => t.close());

const fingerprint = () => databaseFingerprint(t.database.db);

const clientFor = (permission: Permission | null) =>
  clients.get(permission ? roles.find((r) => roleHasPermission(r, permission))! : 'trust_admin')!;

describe('bad input at every route', () => {
  it('has a fingerprint that sees a write', async () => {
    const before = await fingerprint();
    expect((await clients.get('trust_admin')!.post('/api/account/calendar-feed', {})).statusCode).toBe(201);
    expect(await fingerprint()).not.toBe(before);
  });

  it('never answers 500 and never writes when it refuses', async () => {
    const routes = t.app
      .routePolicies()
      .filter(
        (r) =>
          r.url.startsWith('/api/') &&
          r.method !== 'HEAD' &&
          !r.url.startsWith('/api/docs') &&
          r.policy?.kind !== 'provider_api_key' &&
          !['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere'].includes(`${r.method} ${r.url}`),
      );
    const problems: string[] = [];
    let before = await fingerprint();
    for (const route of routes) {
      const permission = route.policy?.kind === 'permission' ? route.policy.permission : null;
      if (permission && !roles.some((r) => roleHasPermission(r, permission))) continue;
      const client = clientFor(permission);
      let accepted = false;
      await fc.assert(
        fc.asyncProperty(
          fc.jsonValue({ maxDepth: 3 }),
          fc.array(fc.string({ maxLength: 40 }), { minLength: 4, maxLength: 4 }),
          fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 30 }), {
            maxKeys: 3,
          }),
          async (body, segments, query) => {
            let i = 0;
            const path = route.url.replace(
              /:\w+/g,
              () => encodeURIComponent(segments[i++ % segments.length]!) || 'x',
            );
            const search = new URLSearchParams(query).toString();
            const url = `${path}${search ? `?${search}` : ''}`;
            const response = await client.request(
              route.method as 'POST',
              url,
              route.method === 'GET' || route.method === 'DELETE' ? undefined : (body as object),
            );
            if (response.statusCode < 300) accepted = true;
            if (response.statusCode >= 500)
              problems.push(
                `${route.method} ${url} → ${response.statusCode}: ${response.body.slice(0, 200)}`,
              );
          },
        ),
        { numRuns: SAMPLES, seed: 20261129 },
      );
      const after = await fingerprint();
      // A request the generated input happened to satisfy may write; a refused one may not.
      if (!accepted && after !== before) problems.push(`${route.method} ${route.url} wrote while refusing`);
      before = after;
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
