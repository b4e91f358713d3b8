import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../../test/http-client.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { emails } from '../notifications/notifications.table.ts';
import { progressReports } from './progress-reports.table.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let lead: TestClient;
let portal: TestClient;
let otherPortal: TestClient;
let placementId: string;

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
  const providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const otherProviderId = await approvedProvider(lead, head, { name: 'Quay Studio' });
  ({ placementId } = await activePlacement(lead, { schoolId: trust.schoolA.id, providerId }));
  const staffOf = async (id: string) =>
    signedInClient(
      t.app,
      (
        await buildUser(t.database.db, {
          groupId: trust.group.id,
          roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: id }],
        })
      ).email,
    );
  portal = await staffOf(providerId);
  otherPortal = await staffOf(otherProviderId);
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
