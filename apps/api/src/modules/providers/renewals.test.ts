import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { multipartBody, samplePdf } from '../../test/multipart.ts';
import { providerBody } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { emails } from '../notifications/notifications.table.ts';
import { sendRenewalReminders } from '../notifications/renewal-reminders.ts';

// The test clock starts on Monday 12 January 2026, 09:30.
let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let apLead: TestClient;
let providerId: string;

async function file(fields: Record<string, string>) {
  const { body, contentType } = multipartBody(fields, {
    name: 'evidence.pdf',
    type: 'application/pdf',
    content: samplePdf,
  });
  const response = await apLead.request('POST', `/api/providers/${providerId}/documents`, body, {
    'content-type': contentType,
  });
  expect(response.statusCode).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://waymark.example.org' });
  trust = await buildTrust(t.database.db);
  const lead = await buildUser(t.database.db, {
    groupId: trust.group.id,
    displayName: 'Priya Lead',
    roles: [{ role: 'ap_lead', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  await buildUser(t.database.db, {
    groupId: trust.group.id,
    displayName: 'Hattie Head',
    roles: [{ role: 'headteacher', scopeType: 'school', scopeId: trust.schoolB.id }],
  });
  await buildUser(t.database.db, {
    groupId: trust.group.id,
    displayName: 'Gail Governor',
    roles: [{ role: 'governor', scopeType: 'group', scopeId: trust.group.id }],
  });
  apLead = await signedInClient(t.app, lead.email);
  providerId = (await apLead.post('/api/providers', providerBody({ name: 'Riverbank Studio' }))).json().id;
  await apLead.post(`/api/providers/${providerId}/insurance`, {
    type: 'public_liability',
    insurer: 'Zurich Municipal',
    levelPounds: 5_000_000,
    expiresOn: '2026-02-01',
  });
  await apLead.post(`/api/providers/${providerId}/insurance`, {
    type: 'employers_liability',
    insurer: 'Zurich Municipal',
    levelPounds: 10_000_000,
    expiresOn: '2026-12-31',
  });
  await file({
    kind: 'risk_assessment',
    title: 'Workshop risk assessment',
    documentDate: '2025-09-01',
    expiresOn: '2026-01-30',
  });
  await file({
    kind: 'policy',
    title: 'Child protection policy',
    documentDate: '2025-09-01',
    expiresOn: '2026-09-01',
  });
  await file({
    kind: 'safeguarding_letter',
    title: 'Assurance letter',
    documentDate: '2025-01-20',
    expiresOn: '',
  });
});
afterAll(() => t.close());

describe('renewals of provider evidence', () => {
  it('lists what runs out within 30 days, soonest first, and leaves out what runs out later', async () => {
    const { renewals } = (await apLead.get('/api/providers/renewals')).json();
    expect(
      renewals.map((r: { item: string; expiresOn: string; daysLeft: number }) => [
        r.item,
        r.expiresOn,
        r.daysLeft,
      ]),
    ).toEqual([
      ['Safeguarding assurance letter', '2026-01-20', 8],
      ['Workshop risk assessment', '2026-01-30', 18],
      ['Public liability insurance', '2026-02-01', 20],
    ]);
    const wider = (await apLead.get('/api/providers/renewals?withinDays=366')).json().renewals;
    expect(wider.map((r: { item: string }) => r.item)).toContain('Child protection policy');
  });

  it('emails AP leads and headteachers once each morning from 07:00, never twice a day', async () => {
    const db = t.database.db;
    const early = await sendRenewalReminders({
      db,
      now: new Date('2026-01-13T06:30:00Z'),
      publicUrl: 'https://waymark.example.org',
    });
    expect(early).toEqual({ groupsReminded: 0, emailsQueued: 0 });
    const morning = await sendRenewalReminders({
      db,
      now: new Date('2026-01-13T07:05:00Z'),
      publicUrl: 'https://waymark.example.org',
    });
    expect(morning.emailsQueued).toBeGreaterThanOrEqual(2);
    const sent = await db
      .select()
      .from(emails)
      .where(and(eq(emails.groupId, trust.group.id), eq(emails.kind, 'evidence_renewals')));
    expect(sent.map((e) => e.toName).sort()).toEqual(['Hattie Head', 'Priya Lead']);
    expect(sent[0]!.subject).toBe('Provider evidence to renew: 3 items');
    expect(sent[0]!.bodyText).toContain(
      '- Riverbank Studio: Safeguarding assurance letter runs out on 20 Jan 2026 (in 7 days)',
    );
    expect(sent[0]!.bodyText).toContain('https://waymark.example.org/providers');
    const again = await sendRenewalReminders({
      db,
      now: new Date('2026-01-13T15:00:00Z'),
      publicUrl: 'https://waymark.example.org',
    });
    expect(again.groupsReminded).toBe(0);
    const nextDay = await sendRenewalReminders({
      db,
      now: new Date('2026-01-21T07:00:00Z'),
      publicUrl: 'https://waymark.example.org',
    });
    expect(nextDay.groupsReminded).toBeGreaterThanOrEqual(1);
    const latest = await db
      .select()
      .from(emails)
      .where(and(eq(emails.groupId, trust.group.id), eq(emails.kind, 'evidence_renewals')))
      .orderBy(emails.createdAt);
    expect(latest.at(-1)!.subject).toBe('Provider evidence to renew: 3 items, 1 expired');
  });
});
