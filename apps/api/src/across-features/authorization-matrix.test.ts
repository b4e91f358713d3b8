/**
 * The authorization matrix: every route of the API with every role, signed in through the real steps.
 * What each role may reach comes from the route's declared permission and the roles table written from
 * docs/roles.md (test/roles-table.ts), not from the permission table the app uses: any access the
 * table does not give, any refusal it does give, and any 500 fail the test. Then the same school-level
 * roles ask for another school's records, which are checked to exist first, and must get nothing back.
 */
import { type Permission, permissions, type RoleName } from '@waymark/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../test/builders.ts';
import { signedInClient, type TestClient } from '../test/http-client.ts';
import { pupilBody } from '../test/pupil-builders.ts';
import { mayDo, rolesTable } from '../test/roles-table.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
const clients = new Map<RoleName, TestClient>();
/** Records of Birch School (school B), outside the reach of everyone placed at Alder School (school A). */
const elsewhere: Record<string, string> = {};

const schoolRoles: RoleName[] = ['headteacher', 'ap_lead', 'dsl', 'attendance_officer'];
const allRoles: RoleName[] = ['trust_admin', 'governor', ...schoolRoles, 'provider_staff'];
const NOTHING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  for (const role of allRoles) {
    const scope =
      role === 'trust_admin' || role === 'governor'
        ? { scopeType: 'group' as const, scopeId: trust.group.id }
        : role === 'provider_staff'
          ? { scopeType: 'provider' as const, scopeId: trust.provider.id }
          : { scopeType: 'school' as const, scopeId: trust.schoolA.id };
    const user = await buildUser(t.database.db, { groupId: trust.group.id, roles: [{ role, ...scope }] });
    clients.set(role, await signedInClient(t.app, user.email));
  }
  const admin = clients.get('trust_admin')!;
  const other = (
    await admin.post('/api/providers', { name: 'Elm Provision', settingType: 'unregistered' })
  ).json();
  elsewhere.providerId = other.id ?? NOTHING;
  elsewhere.pupilId = (await admin.post('/api/pupils', pupilBody(trust.schoolB.id))).json().id;
  elsewhere.placementId = (
    await admin.post('/api/placements', {
      pupilId: elsewhere.pupilId,
      providerId: trust.provider.id,
      type: 'commissioned_ap',
      reason: 'Out of reach of Alder School',
    })
  ).json().id;
  elsewhere.schoolId = trust.schoolB.id;
});
afterAll(() => t.close());

/** Ending one's own session would sign the matrix's clients out part-way (they have their own tests). */
const endsTheSession = new Set(['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere']);

/** The API's own routes (not the static web app or the API reference pages). */
const apiRoutes = () =>
  t.app
    .routePolicies()
    .filter(
      (r) =>
        r.url.startsWith('/api/') &&
        r.method !== 'HEAD' &&
        !r.url.startsWith('/api/docs') &&
        !endsTheSession.has(`${r.method} ${r.url}`),
    );

const fill = (url: string, ids: Record<string, string> = {}) =>
  url
    .replace(/:format/g, 'csv')
    .replace(/:file/g, `${NOTHING}.ics`)
    .replace(/:(\w+)/g, (_, name: string) => ids[name] ?? NOTHING);

async function call(client: TestClient, method: string, url: string) {
  return client.request(method as 'GET', url, method === 'GET' || method === 'DELETE' ? undefined : {});
}

describe('the authorization matrix', () => {
  it('has the permission table the app uses agree with the roles table in docs/roles.md', () => {
    for (const role of allRoles) {
      const granted = (Object.keys(permissions) as Permission[]).filter((p) =>
        (permissions[p] as readonly RoleName[]).includes(role),
      );
      expect(granted.sort(), role).toEqual([...rolesTable[role]].sort());
    }
  });

  it('grants each role exactly what its permissions allow, on every route', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of apiRoutes()) {
      const policy = route.policy!;
      if (policy.kind === 'public') continue;
      for (const role of allRoles) {
        const response = await call(clients.get(role)!, route.method, fill(route.url));
        const status = response.statusCode;
        checked++;
        const granted =
          policy.kind === 'permission' ? mayDo(role, policy.permission) : policy.kind !== 'provider_api_key';
        const where = `${role} ${route.method} ${route.url} → ${status}`;
        if (status >= 500) wrong.push(`${where} (server error)`);
        else if (granted && (status === 401 || status === 403))
          wrong.push(`${where} (refused, but the policy grants it)`);
        else if (!granted && status !== 403 && status !== 401)
          wrong.push(`${where} (allowed, but the policy does not grant it)`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it("gives school staff nothing of another school's pupils and placements", async () => {
    // The other school's records are really there: its administrator reads them.
    const admin = clients.get('trust_admin')!;
    expect((await admin.get(`/api/pupils/${elsewhere.pupilId}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/placements/${elsewhere.placementId}`)).statusCode).toBe(200);
    const leaks: string[] = [];
    const reachable = apiRoutes().filter(
      (r) =>
        r.method === 'GET' &&
        r.policy?.kind === 'permission' &&
        [...r.url.matchAll(/:(\w+)/g)].every(([, name]) => name === 'format' || name! in elsewhere) &&
        /:(pupilId|placementId|schoolId)/.test(r.url),
    );
    for (const route of reachable) {
      const policy = route.policy as { kind: 'permission'; permission: Permission };
      for (const role of schoolRoles) {
        if (!mayDo(role, policy.permission)) continue;
        const response = await clients.get(role)!.get(fill(route.url, elsewhere));
        if (response.statusCode < 400)
          leaks.push(`${role} GET ${route.url} → ${response.statusCode}: ${response.body.slice(0, 120)}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(reachable.length).toBeGreaterThan(10);
  });
});
