import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { emails } from '../notifications/notifications.table.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London.
let t: TestApp;
let lead: TestClient;
let portal: TestClient;
let providerId: string;
let placementId: string;
let governor: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  const user = (role: 'ap_lead' | 'headteacher') =>
    buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role, scopeType: 'school', scopeId: trust.schoolA.id }],
    });
  lead = await signedInClient(t.app, (await user('ap_lead')).email);
  const head = await signedInClient(t.app, (await user('headteacher')).email);
  providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  ({ placementId } = await activePlacement(lead, { schoolId: trust.schoolA.id, providerId }));
  const staff = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
  });
  portal = await signedInClient(t.app, staff.email);
  const governorUser = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'governor', scopeType: 'group', scopeId: trust.group.id }],
  });
  governor = await signedInClient(t.app, governorUser.email);
});
afterAll(() => t.close());

const tell = (kind: string, effectiveOn: string, extra: Record<string, unknown> = {}) =>
  portal.post('/api/portal/notices', {
    kind,
    effectiveOn,
    details: 'What changed and who to contact',
    ...extra,
  });

describe('the undertakings in the assurance letter', () => {
  it('takes a new member of staff only with written assurance that every check is complete', async () => {
    const unchecked = await tell('new_staff', '2026-01-19');
    expect(unchecked.json().error.fields).toEqual([
      { path: 'checksAssured', message: expect.stringContaining('Confirm that every check is complete') },
    ]);
    const assured = await tell('new_staff', '2026-01-19', { checksAssured: true });
    expect(assured.json()).toMatchObject({ checksAssured: true, late: false, deadline: 'before_deployment' });
    const told = await t.database.db.select().from(emails).where(eq(emails.kind, 'provider_notice'));
    // Once, for the assured notice; the refused one told nobody.
    expect(told.map((e) => e.subject).filter((subject) => subject.includes('new member of staff'))).toEqual([
      'Harbour Learning: a new member of staff, volunteer or contractor to work with pupils',
    ]);
    // A new member of staff does not undo the letter: the provider stays approved.
    expect((await lead.get(`/api/providers/${providerId}`)).json().status).toBe('approved');
  });

  it('flags notices that came later than the undertaking allows', async () => {
    // Told on Monday 12 January: a policy change of Friday 9th is in time (one working day), of Thursday 8th late.
    expect((await tell('safeguarding_policy_change', '2026-01-09')).json().late).toBe(false);
    expect((await tell('filtering_monitoring_change', '2026-01-08')).json().late).toBe(true);
    // A change of DSL must come the same day.
    const unnamed = await tell('dsl_change', '2026-01-09');
    expect(unnamed.json().error.fields).toEqual([
      { path: 'newPerson.name', message: 'Enter the new lead’s name: the provider’s record will show them' },
    ]);
    expect(
      (await tell('dsl_change', '2026-01-09', { newPerson: { name: 'Dawn Okafor' } })).json(),
    ).toMatchObject({
      late: true,
      deadline: 'same_day',
    });
    // The provider's record names the new DSL: the directory no longer shows the one who left.
    expect((await lead.get(`/api/providers/${providerId}`)).json().dsl).toMatchObject({
      name: 'Dawn Okafor',
    });
    // The AP lead's email names the change in words, the abbreviation as people write it.
    const toldOfDsl = await t.database.db.select().from(emails).where(eq(emails.kind, 'provider_notice'));
    expect(toldOfDsl.map((e) => e.subject)).toContain(
      'Harbour Learning: a new designated safeguarding lead (DSL)',
    );
    expect(
      (
        await tell('deputy_dsl_change', '2026-01-12', {
          newPerson: { name: 'Ian Ross', trainedOn: '2025-11-03' },
        })
      ).statusCode,
    ).toBe(201);
    expect((await lead.get(`/api/providers/${providerId}`)).json().deputyDsl).toMatchObject({
      name: 'Ian Ross',
      trainedOn: '2025-11-03',
    });
    const listed = (await lead.get(`/api/providers/${providerId}/notices`)).json().notices;
    expect(listed.filter((n: { late: boolean }) => n.late)).toHaveLength(2);
  });

  it('shows the termly filtering and monitoring assurance as due until it comes', async () => {
    const due = (await lead.get('/api/providers/renewals')).json().renewals;
    expect(due).toContainEqual(
      expect.objectContaining({
        kind: 'assurance',
        providerName: 'Harbour Learning',
        item: 'Filtering and monitoring assurance for Spring 2026',
        state: 'expired',
      }),
    );
    // The provider's home lists it as owed since the term began; the school's staff cannot ask the portal.
    const owed = async () => (await portal.get('/api/portal/notices/due')).json().due;
    expect(await owed()).toEqual([
      {
        providerId,
        providerName: 'Harbour Learning',
        kind: 'filtering_assurance',
        item: 'Filtering and monitoring assurance for Spring 2026',
        dueSince: '2026-01-01',
      },
    ]);
    expect((await lead.get('/api/portal/notices/due')).statusCode).toBe(403);
    // Dated before the term began, an assurance speaks for the term before.
    expect((await tell('filtering_assurance', '2025-12-31')).statusCode).toBe(201);
    expect(await owed()).toHaveLength(1);
    expect((await tell('filtering_assurance', '2026-01-12')).statusCode).toBe(201);
    const after = (await lead.get('/api/providers/renewals')).json().renewals;
    expect(after.filter((r: { kind: string }) => r.kind === 'assurance')).toEqual([]);
    expect(await owed()).toEqual([]);
  });
});

describe('the communications log of a provider', () => {
  it('holds contact with the provider and, for those who may see them, about its placements', async () => {
    const future = await lead.post(`/api/providers/${providerId}/communications`, {
      kind: 'call',
      occurredOn: '2026-01-13',
      withWhom: 'Centre manager',
      summary: 'Termly planning',
    });
    expect(future.json().error.fields).toEqual([
      { path: 'occurredOn', message: 'This date is in the future' },
    ]);
    await lead.post(`/api/placements/${placementId}/communications`, {
      kind: 'email',
      occurredOn: '2026-01-12',
      withWhom: 'Key worker',
      summary: 'First morning went well',
    });
    const saved = await lead.post(`/api/providers/${providerId}/communications`, {
      kind: 'meeting',
      occurredOn: '2026-01-12',
      withWhom: 'Centre manager and DSL',
      summary: 'Agreed the termly QA visit and the filtering assurance',
      followUp: 'Visit booked for 3 February',
    });
    expect(saved.statusCode).toBe(201);
    const log = saved.json().communications;
    expect(log.map((c: { kind: string; about: unknown }) => [c.kind, c.about])).toEqual(
      expect.arrayContaining([
        ['meeting', null],
        ['email', { placementId, pupilName: 'Jordan Reeve' }],
      ]),
    );
    // A governor reads the provider directory but not pupils: only the contact with the provider.
    const seen = (await governor.get(`/api/providers/${providerId}/communications`)).json().communications;
    expect(seen.map((c: { kind: string }) => c.kind)).toEqual(['meeting']);
    expect((await governor.post(`/api/providers/${providerId}/communications`, {})).statusCode).toBe(403);
  });
});
