import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust } from '../../test/builders.ts';
import { staffAt, type TestClient } from '../../test/http-client.ts';
import { providerBody } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// The test clock stands at 12 January 2026.
let t: TestApp;
let apLead: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  apLead = await staffAt(t, trust.schoolA, 'ap_lead');
});
afterAll(() => t.close());

// Each test insures and counts for a provider of its own.
let providers = 0;
const newProvider = async (): Promise<string> =>
  (await apLead.post('/api/providers', providerBody({ name: `Insured ${++providers} Ltd` }))).json().id;

const policy = (overrides: Record<string, unknown>) => ({
  type: 'public_liability',
  insurer: 'Zurich Municipal',
  levelPounds: 5_000_000,
  expiresOn: '2026-08-31',
  ...overrides,
});

describe('insurance', () => {
  it('starts with the three required covers missing', async () => {
    const providerId = await newProvider();
    const { cover } = (await apLead.get(`/api/providers/${providerId}/insurance`)).json();
    expect(
      cover.filter((c: { blocksApproval: boolean }) => c.blocksApproval).map((c: { type: string }) => c.type),
    ).toEqual(['public_liability', 'employers_liability', 'professional_indemnity']);
  });

  it('refuses cover below the minimum or already expired, naming the field, and saves nothing', async () => {
    const providerId = await newProvider();
    const low = await apLead.post(
      `/api/providers/${providerId}/insurance`,
      policy({ type: 'employers_liability', levelPounds: 5_000_000 }),
    );
    expect(low.json().error.fields).toEqual([
      { path: 'levelPounds', message: "Employer's liability cover must be at least £10,000,000" },
    ]);
    const old = await apLead.post(
      `/api/providers/${providerId}/insurance`,
      policy({ expiresOn: '2026-01-11' }),
    );
    expect(old.json().error.fields).toEqual([
      { path: 'expiresOn', message: 'This cover has already expired: record the current certificate' },
    ]);
    expect((await apLead.get(`/api/providers/${providerId}/insurance`)).json().policies).toEqual([]);
  });

  it('records cover and checks each type; cover ending within 30 days is due', async () => {
    const providerId = await newProvider();
    await apLead.post(`/api/providers/${providerId}/insurance`, policy({}));
    await apLead.post(
      `/api/providers/${providerId}/insurance`,
      policy({ type: 'employers_liability', levelPounds: 10_000_000, expiresOn: '2026-02-01' }),
    );
    const response = await apLead.post(
      `/api/providers/${providerId}/insurance`,
      policy({ type: 'motor_vehicle', levelPounds: 1_000_000, specialConditions: 'Minibus only' }),
    );
    expect(response.statusCode).toBe(201);
    const states = Object.fromEntries(
      response.json().cover.map((c: { type: string; state: string }) => [c.type, c.state]),
    );
    expect(states).toEqual({
      public_liability: 'in_date',
      employers_liability: 'expiring_soon',
      professional_indemnity: 'missing',
      motor_vehicle: 'in_date',
      subcontractor_liability: 'not_needed',
    });
    expect(response.json().policies).toHaveLength(3);
  });
});

describe('the registration test on the auditor’s counts', () => {
  it('raises an alarm for an unregistered provider teaching one looked-after pupil full time', async () => {
    const providerId = await newProvider();
    const response = await apLead.put(`/api/providers/${providerId}/registration-check`, {
      fullTimePupils: 1,
      fullTimePupilsLookedAfterOrEhcp: 1,
    });
    expect(response.json().registration).toMatchObject({
      mustRegister: true,
      alarm: true,
      checkedOn: '2026-01-12',
    });
    const listed = (await apLead.get('/api/providers?search=Insured'))
      .json()
      .providers.find((p: { id: string }) => p.id === providerId);
    expect(listed.registration.alarm).toBe(true);
  });

  it('clears the alarm once the provider is recorded as registered', async () => {
    const providerId = await newProvider();
    const alarmed = await apLead.put(`/api/providers/${providerId}/registration-check`, {
      fullTimePupils: 1,
      fullTimePupilsLookedAfterOrEhcp: 1,
    });
    expect(alarmed.json().registration.alarm).toBe(true);
    await apLead.put(
      `/api/providers/${providerId}`,
      providerBody({ name: `Insured ${providers} Ltd`, dfeNumber: '340/6001' }),
    );
    expect((await apLead.get(`/api/providers/${providerId}`)).json().registration).toMatchObject({
      mustRegister: true,
      alarm: false,
    });
  });

  it('refuses impossible counts', async () => {
    const providerId = await newProvider();
    const response = await apLead.put(`/api/providers/${providerId}/registration-check`, {
      fullTimePupils: 1,
      fullTimePupilsLookedAfterOrEhcp: 2,
    });
    expect(response.json().error.fields).toEqual([
      {
        path: 'fullTimePupilsLookedAfterOrEhcp',
        message: 'These pupils are among the full-time pupils, so there cannot be more of them',
      },
    ]);
  });
});
