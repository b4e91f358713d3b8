import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { demoTermDates } from '../demo/demo-trust.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let admin: TestClient;
let apLeadA: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  admin = await signedInClient(t.app, trust.admin.email);
  const user = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'ap_lead', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  apLeadA = await signedInClient(t.app, user.email);
});
afterAll(() => t.close());

const termDatesUrl = (schoolId: string, year = '2025/26') =>
  `/api/schools/${schoolId}/term-dates?academicYear=${encodeURIComponent(year)}`;

describe('reading term dates', () => {
  it('shows six half-terms with their school days, INSET days and the bank holidays of the year', async () => {
    const response = await apLeadA.get(termDatesUrl(trust.schoolA.id));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.halfTerms.map((h: { label: string }) => h.label)).toEqual([
      'Autumn 1',
      'Autumn 2',
      'Spring 1',
      'Spring 2',
      'Summer 1',
      'Summer 2',
    ]);
    expect(body.totalSchoolDays).toBe(190);
    expect(body.closureDays).toHaveLength(5);
    expect(body.bankHolidays.map((b: { date: string }) => b.date)).toContain('2026-05-04');
    expect(body.availableYears).toEqual(['2025/26', '2026/27']);
  });

  it('answers 404 for a school outside the user’s scope', async () => {
    const response = await apLeadA.get(termDatesUrl(trust.schoolB.id));
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('schools.not_found');
  });

  it('says whether a date is a school day and what date is N school days on', async () => {
    const mayDay = (
      await apLeadA.get(`/api/schools/${trust.schoolA.id}/calendar/day?date=2026-05-04&addSchoolDays=-2`)
    ).json();
    expect(mayDay).toEqual({
      date: '2026-05-04',
      isSchoolDay: false,
      reason: 'bank_holiday',
      note: 'Early May bank holiday',
      halfTerm: 'Summer 1 2025/26',
      plusSchoolDays: { n: -2, date: '2026-04-30' },
    });
    const beyond = await apLeadA.get(
      `/api/schools/${trust.schoolA.id}/calendar/day?date=2027-07-01&addSchoolDays=60`,
    );
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().error.code).toBe('term_dates.not_entered');
  });
});

describe('changing term dates', () => {
  const year = demoTermDates[1]!;

  it('is for trust administrators only', async () => {
    const response = await apLeadA.put(`/api/schools/${trust.schoolA.id}/term-dates`, {
      academicYear: '2026/27',
      halfTerms: year.halfTerms,
      closureDays: [],
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses overlapping half-terms, names the field, and keeps the saved dates', async () => {
    const broken = year.halfTerms.map((h, i) => (i === 3 ? { ...h, startsOn: '2027-02-01' } : h));
    const response = await admin.put(`/api/schools/${trust.schoolA.id}/term-dates`, {
      academicYear: '2026/27',
      halfTerms: broken,
      closureDays: [],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'term_dates.invalid',
      fields: [
        { path: 'halfTerms.3.startsOn', message: 'Spring 2 must start after Spring 1 ends (12 Feb 2027)' },
      ],
    });
    const saved = (await admin.get(termDatesUrl(trust.schoolA.id, '2026/27'))).json();
    expect(saved.halfTerms[3].startsOn).toBe('2027-02-22');
    expect(saved.closureDays).toHaveLength(5);
  });

  it('replaces the year and records it in the audit log against the school', async () => {
    const moved = year.halfTerms.map((h, i) => (i === 0 ? { ...h, startsOn: '2026-09-02' } : h));
    const response = await admin.put(`/api/schools/${trust.schoolA.id}/term-dates`, {
      academicYear: '2026/27',
      halfTerms: moved,
      closureDays: [{ date: '2026-09-02', kind: 'inset', note: 'Training' }],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().halfTerms[0].startsOn).toBe('2026-09-02');
    expect(response.json().closureDays).toEqual([{ date: '2026-09-02', kind: 'inset', note: 'Training' }]);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'term_dates.replaced'));
    expect(event).toMatchObject({ schoolId: trust.schoolA.id, recordId: trust.schoolA.id });
  });
});

describe('bank holidays', () => {
  it('imports a newer GOV.UK file, adding new dates and keeping old ones', async () => {
    const feed = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          { title: 'New Year’s Day', date: '2028-01-03', notes: 'Substitute day', bunting: true },
          { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true },
        ],
      },
    };
    const response = await admin.post('/api/bank-holidays/import', feed);
    expect(response.json()).toEqual({ received: 2, added: 1 });
    const all = (await admin.get('/api/bank-holidays'))
      .json()
      .bankHolidays.map((b: { date: string }) => b.date);
    expect(all).toContain('2028-01-03');
    expect(all).toContain('2024-01-01');
    expect((await apLeadA.post('/api/bank-holidays/import', feed)).statusCode).toBe(403);
  });

  it('rejects a file of another shape with the field that is wrong', async () => {
    const response = await admin.post('/api/bank-holidays/import', {
      'england-and-wales': { division: 'england-and-wales', events: [{ title: 'X', date: '2028-02-30' }] },
    });
    expect(response.json().error.fields).toEqual([
      { path: 'england-and-wales.events.0.date', message: 'Enter a real date in the form YYYY-MM-DD' },
    ]);
  });
});
