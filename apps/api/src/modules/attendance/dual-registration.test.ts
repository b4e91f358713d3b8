/**
 * A pupil placed at another school (a registered school or a PRU) is dual registered: the home school
 * records D for every session the pupil is there, whatever the provider reports, while a pupil at a
 * provider that is not a school is recorded B when present and by the absence's reason when not
 * (DOMAIN-REFERENCE.md, "Attendance register"). Both, side by side, through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../../test/http-client.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London.
let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let lead: TestClient;
let officer: TestClient;
const placed: Record<'pru' | 'workshop', { placementId: string; portal: TestClient }> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  const staff = (role: 'ap_lead' | 'headteacher' | 'attendance_officer') => staffAt(t, trust.schoolA, role);
  lead = await staff('ap_lead');
  const head = await staff('headteacher');
  officer = await staff('attendance_officer');
  const settings = {
    pru: {
      name: 'Harbour Pupil Referral Unit',
      ukprn: '10033333',
      settingType: 'pru_or_ap_academy',
      upn: 'V340212300012',
    },
    workshop: {
      name: 'Harbour Workshop',
      ukprn: '10044444',
      settingType: 'unregistered',
      upn: 'Z340212300005',
    },
  } as const;
  for (const [key, { upn, ...provider }] of Object.entries(settings) as [
    keyof typeof settings,
    (typeof settings)['pru'],
  ][]) {
    const providerId = await approvedProvider(lead, head, provider);
    const { placementId } = await activePlacement(lead, {
      schoolId: trust.schoolA.id,
      providerId,
      pupil: { upn, uln: undefined, legalFirstName: key === 'pru' ? 'Dana' : 'Sol' },
      plan: {
        sessions: [
          { day: 'mon', session: 'am', hours: 3 },
          { day: 'mon', session: 'pm', hours: 2 },
        ],
      },
    });
    const user = await buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
    });
    placed[key] = { placementId, portal: await signedInClient(t.app, user.email) };
  }
});
afterAll(() => t.close());

const mark = (key: 'pru' | 'workshop', session: 'am' | 'pm', value: 'present' | 'absent') =>
  placed[key].portal.post('/api/portal/register', {
    date: '2026-01-12',
    session,
    marks: [{ placementId: placed[key].placementId, mark: value }],
  });

describe('dual registration at a PRU or a registered school', () => {
  it('shows the placement as dual registered, code D', async () => {
    const pru = (await lead.get(`/api/placements/${placed.pru.placementId}`)).json();
    expect(pru.registration).toEqual({ kind: 'dual', code: 'D' });
    const workshop = (await lead.get(`/api/placements/${placed.workshop.placementId}`)).json();
    expect(workshop.registration).toEqual({ kind: 'sole', code: 'B' });
  });

  it('exports D for each session at the PRU, present or absent; B and N at the workshop', async () => {
    const exported = async () =>
      (await officer.get('/api/attendance/export?from=2026-01-12&to=2026-01-12')).body.split('\r\n');
    for (const key of ['pru', 'workshop'] as const) {
      expect((await mark(key, 'am', 'present')).statusCode).toBe(200);
      expect((await mark(key, 'pm', 'absent')).statusCode).toBe(200);
    }
    // The PRU keeps its own register of the absence; the home school records D for both sessions.
    expect(await exported()).toEqual([
      'UPN,Date,Session,Code',
      'V340212300012,2026-01-12,AM,D',
      'V340212300012,2026-01-12,PM,D',
      'Z340212300005,2026-01-12,AM,B',
      'Z340212300005,2026-01-12,PM,N',
      '',
    ]);
  });

  it('gives the census the PRU placement with no dual-registration problem', async () => {
    const census = (
      await lead.get(`/api/census?schoolId=${trust.schoolA.id}&academicYear=2025/26&term=spring`)
    ).json();
    const rules = census.problems
      .filter((p: { placementId: string }) => p.placementId === placed.pru.placementId)
      .map((p: { rule: string }) => p.rule);
    expect(rules).not.toContain('2917');
    expect(census.records.map((r: { placementId: string }) => r.placementId)).toContain(
      placed.pru.placementId,
    );
  });
});
