import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust } from '../../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../../test/http-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createTrust } from './create-trust.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  admin = await signedInClient(t.app, trust.admin.email);
});
afterAll(() => t.close());

describe('setting up the organisation', () => {
  it('adds a region and a school in it; both appear for the administrator and in the audit log', async () => {
    const region = (await admin.post('/api/organisation/regions', { name: 'East' })).json();
    const response = await admin.post('/api/organisation/schools', {
      name: 'Elm Academy',
      regionId: region.id,
      urn: '123456',
      localAuthority: 'Norfolk',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: 'Elm Academy', regionName: 'East', urn: '123456' });
    const organisation = (await admin.get('/api/organisation')).json();
    expect(organisation.schools.map((s: { name: string }) => s.name)).toContain('Elm Academy');
    expect(organisation.regions.map((r: { name: string }) => r.name)).toContain('East');
    const actions = (
      await t.database.db.select().from(auditEvents).where(eq(auditEvents.groupId, trust.group.id))
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['regions.created', 'schools.created']));
  });

  it('checks a school: URN of 6 digits, a region of the group, no duplicate name or URN', async () => {
    const bad = await admin.post('/api/organisation/schools', {
      name: 'Ash',
      regionId: trust.north.id,
      urn: '12345',
    });
    expect(bad.json().error.fields).toEqual([
      { path: 'urn', message: 'A URN is 6 digits, as shown on Get Information about Schools' },
    ]);
    const otherTrust = await buildTrust(t.database.db);
    const foreignRegion = await admin.post('/api/organisation/schools', {
      name: 'Ash',
      regionId: otherTrust.north.id,
    });
    expect(foreignRegion.json().error).toMatchObject({
      code: 'schools.unknown_region',
      fields: [{ path: 'regionId' }],
    });
    const sameName = await admin.post('/api/organisation/schools', {
      name: 'alder school',
      regionId: trust.north.id,
    });
    expect(sameName.json().error.code).toBe('schools.duplicate_name');
    await admin.post('/api/organisation/schools', { name: 'Oak', regionId: trust.north.id, urn: '654321' });
    const sameUrn = await admin.post('/api/organisation/schools', {
      name: 'Pine',
      regionId: trust.north.id,
      urn: '654321',
    });
    expect(sameUrn.json().error.code).toBe('schools.duplicate_urn');
  });

  it('moves a school to another region and renames a region', async () => {
    const moved = await admin.patch(`/api/organisation/schools/${trust.schoolA.id}`, {
      regionId: trust.south.id,
    });
    expect(moved.json().regionName).toBe('South');
    const renamed = await admin.patch(`/api/organisation/regions/${trust.south.id}`, {
      name: 'South and West',
    });
    expect(renamed.json().name).toBe('South and West');
    const otherTrust = await buildTrust(t.database.db);
    expect(
      (await admin.patch(`/api/organisation/schools/${otherTrust.schoolA.id}`, { name: 'Mine now' }))
        .statusCode,
    ).toBe(404);
  });

  it('a provider from the directory can be a scope for provider staff', async () => {
    const provider = (
      await admin.post('/api/providers', {
        name: 'Willow Farm',
        settingType: 'unregistered',
        addressLine1: 'Willow Lane',
        town: 'Ormskirk',
        postcode: 'L39 1AA',
        telephone: '01695 000000',
        email: 'office@willow.example',
        keyContactName: 'Wes Willow',
        onLaFramework: false,
      })
    ).json();
    const user = await admin.post('/api/users', {
      email: 'staff@willow.example',
      displayName: 'Willow Staff',
      password: 'willow farm password',
      assignments: [{ role: 'provider_staff', scopeType: 'provider', scopeId: provider.id }],
    });
    expect(user.json().assignments[0].scopeName).toBe('Willow Farm');
  });

  it('is for trust administrators only', async () => {
    const client = await staffAt(t, trust.schoolB, 'headteacher');
    expect((await client.post('/api/organisation/regions', { name: 'Rogue' })).statusCode).toBe(403);
    const seen = (await client.get('/api/organisation')).json();
    expect(seen.schools.map((s: { name: string }) => s.name)).toEqual(['Birch School']);
    // Providers belong to the whole group, so a headteacher sees them all.
    expect(seen.providers.map((p: { name: string }) => p.name)).toContain('Cedar Provision');
  });
});

describe('creating a trust from the command line', () => {
  it('creates the trust and an administrator who can sign in, and refuses a taken email', async () => {
    const created = await createTrust(t.database.db, {
      trustName: 'Fresh Trust',
      adminEmail: 'first@fresh.example',
      adminName: 'First Admin',
    });
    expect(created.generated).toBe(true);
    const client = await signedInClient(t.app, 'first@fresh.example', created.password);
    const { session } = (await client.get('/api/auth/session')).json();
    expect(session.group.name).toBe('Fresh Trust');
    expect(session.permissions).toContain('users.manage');
    await expect(
      createTrust(t.database.db, { trustName: 'Again', adminEmail: 'first@fresh.example', adminName: 'X' }),
    ).rejects.toThrow(/already exists/);
  });
});
