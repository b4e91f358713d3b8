import { todayInLondon } from '@waymark/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust } from '../../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../../test/http-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { demoTermDates } from '../demo/demo-trust.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  admin = await signedInClient(t.app, trust.admin.email);
  for (const school of [trust.schoolA, trust.schoolB]) {
    await admin.put(`/api/schools/${school.id}/term-dates`, {
      academicYear: '2026/27',
      halfTerms: demoTermDates[1]!.halfTerms,
      closureDays: [],
    });
  }
});
afterAll(() => t.close());

describe('browsing the audit log', () => {
  it('shows an administrator the group’s events, newest first, with filters', async () => {
    const all = (await admin.get('/api/audit-log')).json();
    const times = all.events.map((e: { occurredAt: string }) => e.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.actions).toEqual(expect.arrayContaining(['auth.signed_in', 'term_dates.replaced']));
    const filtered = (
      await admin.get(`/api/audit-log?action=term_dates.replaced&schoolId=${trust.schoolB.id}`)
    ).json();
    expect(filtered.events).toHaveLength(1);
    expect(filtered.events[0].summary).toContain('Birch School');
    // Audit times come from the database clock, not the app's, so a skewed server cannot back-date them.
    const today = todayInLondon();
    expect((await admin.get(`/api/audit-log?from=${today}&to=${today}`)).json().pageInfo.total).toBe(
      all.pageInfo.total,
    );
    expect((await admin.get('/api/audit-log?from=2020-01-01&to=2020-01-02')).json().events).toEqual([]);
  });

  it('shows a headteacher only their own school’s events', async () => {
    const client = await staffAt(t, trust.schoolA, 'headteacher');
    const events = (await client.get('/api/audit-log')).json().events;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e: { schoolId: string }) => e.schoolId === trust.schoolA.id)).toBe(true);
  });

  it('checks its filters', async () => {
    const response = await admin.get('/api/audit-log?from=2026-02-10&to=2026-02-01');
    expect(response.json().error.fields).toEqual([
      { path: 'query.to', message: 'The end date must be on or after the start date' },
    ]);
  });
});

describe('searching the audit log', () => {
  it('takes % and _ literally', async () => {
    const everything = (await admin.get('/api/audit-log?search=%25')).json();
    expect(everything.events).toEqual([]);
    const found = (await admin.get('/api/audit-log?search=Birch')).json();
    expect(found.events.length).toBeGreaterThan(0);
  });
});
