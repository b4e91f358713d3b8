import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../../test/http-client.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { upnFor } from '../../test/pupil-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { emails } from '../notifications/notifications.table.ts';
import { progressReports } from './progress-reports.table.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let lead: TestClient;
let portal: TestClient;
let otherPortal: TestClient;
let placementId: string;
let providerId: string;
let providerEmails: [string, string];

const report = {
  reportedOn: '2026-01-12',
  learning: 'Completed the first unit of the construction course',
  attendanceAndBehaviour: 'Attended every session; calm and focused',
  nextSteps: 'Start the second unit; practise measuring',
};

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  const user = (role: 'ap_lead' | 'headteacher') => staffAt(t, trust.schoolA, role);
  lead = await user('ap_lead');
  const head = await user('headteacher');
  providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const otherProviderId = await approvedProvider(lead, head, { name: 'Quay Studio' });
  ({ placementId } = await activePlacement(lead, { schoolId: trust.schoolA.id, providerId }));
  const staffOf = async (id: string) =>
    (
      await buildUser(t.database.db, {
        groupId: trust.group.id,
        roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: id }],
      })
    ).email;
  providerEmails = [await staffOf(providerId), await staffOf(otherProviderId)];
  portal = await signedInClient(t.app, providerEmails[0]);
  otherPortal = await signedInClient(t.app, providerEmails[1]);
});
afterAll(() => t.close());

describe('progress reports from providers', () => {
  it('a provider sends one; a retry is kept once; the AP lead is emailed without detail and reads it', async () => {
    const send = () =>
      portal.request('POST', `/api/portal/placements/${placementId}/progress-reports`, report, {
        'idempotency-key': 'report-2026-01-12-a',
      });
    const before = (await t.database.db.select().from(progressReports)).length;
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    expect((await send()).json().id).toBe(first.json().id);
    expect(await t.database.db.select().from(progressReports)).toHaveLength(before + 1);

    const [email] = await t.database.db
      .select()
      .from(emails)
      .where(eq(emails.subject, 'Progress report from Harbour Learning'));
    expect(email?.bodyText).toContain('has sent a progress report');
    expect(email?.bodyText).not.toContain('construction');

    const read = (await lead.get(`/api/placements/${placementId}/progress-reports`)).json();
    expect(read.reports).toEqual([expect.objectContaining({ ...report, wellbeing: '' })]);
    expect(
      (await portal.get(`/api/portal/placements/${placementId}/progress-reports`)).json().reports,
    ).toHaveLength(1);
  });

  it('refuses another provider, a future date, a date before the start and an empty section, saving nothing', async () => {
    const path = `/api/portal/placements/${placementId}/progress-reports`;
    const before = (await t.database.db.select().from(progressReports)).length;
    expect((await otherPortal.post(path, report)).statusCode).toBe(404);
    expect((await otherPortal.get(path)).statusCode).toBe(404);
    const future = await portal.post(path, { ...report, reportedOn: '2026-02-01' });
    expect(future.json().error.fields).toEqual([
      { path: 'reportedOn', message: 'This date is in the future' },
    ]);
    const early = await portal.post(path, { ...report, reportedOn: '2026-01-05' });
    expect(early.json().error.fields[0].message).toContain('started on 12 Jan 2026');
    const empty = await portal.post(path, { ...report, nextSteps: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe('nextSteps');
    expect(await t.database.db.select().from(progressReports)).toHaveLength(before);
  });
});

describe('progress reports due on the provider’s home', () => {
  it('lists each pupil placed since the half-term began, due by the day before the next one, until a report is dated inside it', async () => {
    const { placementId: dueFor } = await activePlacement(lead, {
      schoolId: trust.schoolA.id,
      providerId,
      pupil: { upn: upnFor(77), uln: undefined, legalFirstName: 'Rowan', legalLastName: 'Ashby' },
    });
    const due = async (client: TestClient) => {
      const response = await client.get('/api/portal/progress-reports/due');
      expect(response.statusCode, response.body).toBe(200);
      return response.json().due.filter((d: { placementId: string }) => d.placementId === dueFor);
    };
    // Started 12 Jan, a week into Spring 1 (5 Jan): no report is expected for Spring 1.
    expect(await due(portal)).toEqual([]);

    const minutes = (Date.parse('2026-02-23T09:30:00Z') - t.now().getTime()) / 60_000;
    t.advanceMinutes(minutes); // Spring 2 begins on Monday 23 February; Summer 1 on 13 April.
    try {
      // Six weeks on, everyone signs in again.
      const portal = await signedInClient(t.app, providerEmails[0]);
      const otherPortal = await signedInClient(t.app, providerEmails[1]);
      const lead = await staffAt(t, trust.schoolA, 'ap_lead');
      expect(await due(portal)).toEqual([
        {
          placementId: dueFor,
          pupilName: 'Rowan Ashby',
          schoolName: trust.schoolA.name,
          halfTerm: 'Spring 2 2025/26',
          dueBy: '2026-04-12',
        },
      ]);
      expect(await due(otherPortal)).toEqual([]);
      expect((await lead.get('/api/portal/progress-reports/due')).statusCode).toBe(403);

      const send = (reportedOn: string) =>
        portal.post(`/api/portal/placements/${dueFor}/progress-reports`, { ...report, reportedOn });
      // Dated the day before Spring 2 began, it speaks for Spring 1 and leaves Spring 2's owed.
      expect((await send('2026-02-22')).statusCode).toBe(201);
      expect(await due(portal)).toHaveLength(1);
      expect((await send('2026-02-23')).statusCode).toBe(201);
      expect(await due(portal)).toEqual([]);
    } finally {
      t.advanceMinutes(-minutes);
    }
  });
});
