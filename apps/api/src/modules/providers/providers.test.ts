import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../../test/http-client.ts';
import { providerBody } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let apLead: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  apLead = await staffAt(t, trust.schoolA, 'ap_lead');
});
afterAll(() => t.close());

describe('the provider directory', () => {
  it('an AP lead adds a provider with the Appendix 1 header details; it starts as a draft', async () => {
    const response = await apLead.post(
      '/api/providers',
      providerBody({ postcode: 'l34aa', dfeNumber: '3404001' }),
    );
    expect(response.statusCode).toBe(201);
    const provider = response.json();
    expect(provider).toMatchObject({
      name: 'Harbour Learning',
      postcode: 'L3 4AA',
      dfeNumber: '340/4001',
      status: 'draft',
      lastAudit: null,
      dsl: { name: 'Dan Shaw', trainedOn: '2026-09-14' },
    });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.recordId, provider.id));
    expect(event!.action).toBe('providers.created');
  });

  it('names every wrong field and saves nothing', async () => {
    const response = await apLead.post(
      '/api/providers',
      providerBody({
        name: 'Broken',
        urn: '1234',
        ukprn: '20012345',
        email: 'nope',
        telephone: '12',
        ofstedReportDate: '2026-13-01',
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['email', 'ofstedReportDate', 'telephone', 'ukprn', 'urn']);
    const list = (await apLead.get('/api/providers?search=Broken')).json();
    expect(list.providers).toEqual([]);
  });

  it('refuses a second provider with the same name', async () => {
    await apLead.post('/api/providers', providerBody({ name: 'Twin Oaks' }));
    const response = await apLead.post('/api/providers', providerBody({ name: 'twin oaks' }));
    expect(response.json().error).toMatchObject({
      code: 'providers.duplicate_name',
      fields: [{ path: 'name' }],
    });
  });

  it('every school of the group sees the group’s providers; searches, filters and sorts', async () => {
    const other = await staffAt(t, trust.schoolB, 'dsl');
    await apLead.post(
      '/api/providers',
      providerBody({ name: 'Anchor Tuition', settingType: 'one_to_one_tuition', town: 'Southport' }),
    );
    await apLead.post('/api/providers', providerBody({ name: 'Beacon Works' }));
    const names = (await other.get('/api/providers')).json().providers.map((p: { name: string }) => p.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['Anchor Tuition', 'Beacon Works', 'Cedar Provision']));
    expect(
      (await other.get('/api/providers?search=southport'))
        .json()
        .providers.map((p: { name: string }) => p.name),
    ).toEqual(['Anchor Tuition']);
    expect((await other.get('/api/providers?settingType=one_to_one_tuition')).json().providers).toHaveLength(
      1,
    );
    expect((await other.get('/api/providers?status=awaiting_letter')).json().providers).toEqual([]);
    expect((await other.post('/api/providers', providerBody({ name: 'Not allowed' }))).statusCode).toBe(403);
  });

  it('updates a provider and answers 404 for another group’s', async () => {
    const created = (await apLead.post('/api/providers', providerBody({ name: 'Mersey Skills' }))).json();
    const updated = await apLead.put(
      `/api/providers/${created.id}`,
      providerBody({ name: 'Mersey Skills', ofstedGrade: 'good', ofstedReportDate: '2025-06-01' }),
    );
    expect(updated.json()).toMatchObject({ ofstedGrade: 'good', ofstedReportDate: '2025-06-01' });
    const otherTrust = await buildTrust(t.database.db);
    expect((await apLead.get(`/api/providers/${otherTrust.provider.id}`)).statusCode).toBe(404);
    expect(
      (await apLead.put(`/api/providers/${otherTrust.provider.id}`, providerBody({ name: 'Mine' })))
        .statusCode,
    ).toBe(404);
  });

  it('keeps provider staff out of the directory', async () => {
    const staff = await buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: trust.provider.id }],
    });
    const client = await signedInClient(t.app, staff.email);
    expect((await client.get('/api/providers')).statusCode).toBe(403);
    expect((await client.get(`/api/providers/${trust.provider.id}`)).statusCode).toBe(403);
  });
});
