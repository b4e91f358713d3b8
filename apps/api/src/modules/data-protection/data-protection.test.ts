import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, signedInStaff, type TestClient } from '../../test/http-client.ts';
import { multipartBody, samplePdf } from '../../test/multipart.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { verifyAuditLog } from '../audit-log/audit-chain.ts';
import { directionReviews } from '../placements/placements.table.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let head: TestClient;
let dsl: TestClient;
let lead: TestClient;
let pupilId: string;
let providerId: string;

type Role = 'ap_lead' | 'headteacher' | 'dsl';

/**
 * A trust in `app`: Jordan placed with Harbour Learning, a share recorded, a present mark and two
 * reports from the provider (a concern and a behaviour incident).
 */
async function worldOf(app: TestApp) {
  const trust = await buildTrust(app.database.db);
  const person = async (role: Role, schoolId = trust.schoolA.id) =>
    signedInStaff(app.app, app.database.db, { groupId: trust.group.id, role, schoolId });
  const lead = await person('ap_lead');
  const head = await person('headteacher');
  const dsl = await person('dsl');
  const providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const placed = await activePlacement(lead, { schoolId: trust.schoolA.id, providerId });
  const { placementId } = placed;
  await lead.post(`/api/placements/${placementId}/shares`, {
    what: 'The current risk assessment',
    method: 'Secure email',
    sharedOn: '2026-01-12',
  });
  // A request to review a direction, written straight to its table: the export and the deletion read
  // every placement's requests, whatever the kind of placement.
  await app.database.db.insert(directionReviews).values({
    placementId,
    kind: 'requested',
    on: '2026-01-12',
    requestedBy: 'parents',
    note: 'Asked for by letter',
    recordedBy: trust.admin.id,
    recordedByName: 'Ava Admin',
  });
  const staff = await buildUser(app.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
  });
  const portal = await signedInClient(app.app, staff.email);
  await portal.post('/api/portal/register', {
    date: '2026-01-12',
    session: 'am',
    marks: [{ placementId, mark: 'present' }],
  });
  for (const [kind, whatHappened] of [
    ['safeguarding_concern', 'A disclosure at break about home'],
    ['behaviour', 'Threw a chair in the workshop'],
  ])
    await portal.post('/api/portal/incidents', {
      placementId,
      kind,
      occurredAt: '2026-01-12T09:00',
      location: 'Workshop',
      whatHappened,
      immediateActions: 'Told the school by phone',
    });
  return { app, trust, person, lead, head, dsl, providerId, pupilId: placed.pupilId };
}

const person = async (role: Role, schoolId = trust.schoolA.id) =>
  signedInStaff(t.app, t.database.db, { groupId: trust.group.id, role, schoolId });

beforeAll(async () => {
  t = await createTestApp();
  ({ trust, lead, head, dsl, pupilId, providerId } = await worldOf(t));
});

/** Deleting records and shortening the group's periods is a test's own: a database of its own. */
async function withOwnWorld(test: (world: Awaited<ReturnType<typeof worldOf>>) => Promise<void>) {
  const own = await createTestApp();
  try {
    await test(await worldOf(own));
  } finally {
    await own.close();
  }
}
afterAll(() => t.close());

const url = (include = false, pdf = false) =>
  `/api/data-protection/pupils/${pupilId}/subject-access${pdf ? '.pdf' : ''}${include ? '?includeSafeguarding=true' : ''}`;

describe('a subject access export', () => {
  it('gives everything held about the pupil, leaving safeguarding records out unless a DSL decides', async () => {
    const response = await head.get(url());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const data = response.json();
    expect(data.pupil).toMatchObject({ name: 'Jordan Reeve', upn: 'R201100018042', school: 'Alder School' });
    expect(data.placements[0]).toMatchObject({
      provider: 'Harbour Learning',
      objectives: [expect.objectContaining({ text: 'Attend every morning' })],
      sharedWithProvider: [
        // The referral itself, as the AP lead sent it before the start, then the risk assessment.
        expect.objectContaining({ what: expect.stringMatching(/^The referral: Jordan Reeve/) }),
        expect.objectContaining({ what: 'The current risk assessment', sharedOn: '2026-01-12' }),
      ],
      directionReviews: [
        {
          kind: 'requested',
          on: '2026-01-12',
          requestedBy: 'parents',
          outcome: null,
          note: 'Asked for by letter',
          by: 'Ava Admin',
        },
      ],
    });
    expect(data.attendance).toEqual([expect.objectContaining({ date: '2026-01-12', session: 'am' })]);
    expect(data.incidents.map((i: { kind: string }) => i.kind)).toEqual(['behaviour']);
    expect(data.safeguarding).toMatchObject({ included: false, withheld: 1 });
    expect(JSON.stringify(data)).not.toContain('disclosure');
    expect(data.whoLookedAtThisRecord.length).toBeGreaterThan(0);
  });

  it('includes safeguarding records only on a DSL’s decision', async () => {
    // The headteacher's export, which leaves them out, then the DSL's, which includes them.
    expect((await head.get(url())).statusCode).toBe(200);
    const refused = await head.get(url(true));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('data_protection.dsl_only');
    const data = (await dsl.get(url(true))).json();
    expect(data.incidents.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'behaviour',
      'safeguarding_concern',
    ]);
    expect(data.safeguarding).toMatchObject({ included: true });
    const logged = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'data_protection.subject_access_export'));
    expect(logged.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'Subject access export for Jordan Reeve, 1 safeguarding records left out',
        'Subject access export for Jordan Reeve, safeguarding records included by the DSL',
      ]),
    );
  });

  it('is a readable PDF with every section', async () => {
    const response = await head.request('GET', url(false, true));
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload);
    for (const heading of [
      '1. The pupil',
      '3. Placements in alternative provision',
      '4. Attendance',
      '7. Who has looked',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('Jordan Reeve · Alder School');
    expect(text).toContain('Threw a chair');
    expect(text).toContain('Asked for by parents');
    expect(text).not.toContain('disclosure');
  });

  it('is refused to roles without the duty and to other schools', async () => {
    expect((await lead.get(url())).statusCode).toBe(403);
    const otherHead = await person('headteacher', trust.schoolB.id);
    expect((await otherHead.get(url())).statusCode).toBe(404);
  });
});

describe('the record of sharing with providers', () => {
  it('lists what was shared with which provider and when, within reach', async () => {
    const { shares } = (await head.get(`/api/data-protection/sharing?providerId=${providerId}`)).json();
    expect(shares).toHaveLength(2);
    expect(shares).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          provider: 'Harbour Learning',
          pupil: 'Jordan Reeve',
          what: 'The current risk assessment',
          method: 'Secure email',
          sharedOn: '2026-01-12',
        }),
        expect.objectContaining({ method: 'Waymark provider portal', sharedOn: '2026-01-12' }),
      ]),
    );
    const otherHead = await person('headteacher', trust.schoolB.id);
    expect((await otherHead.get('/api/data-protection/sharing')).json().shares).toEqual([]);
  });
});

describe('the retention schedule', () => {
  it('reports the schedule in force and the records past it, which an administrator can change', async () => {
    const report = (await head.get('/api/data-protection/retention')).json();
    expect(report.schedule.map((s: { kind: string; years: number }) => [s.kind, s.years])).toEqual([
      ['pupil_record', 25],
      ['attendance_register', 6],
      ['send_ehcp', 31],
      ['child_protection', 25],
      ['accident_records', 25],
    ]);
    expect(report.pupilRecordsPast).toEqual([]);
    expect((await head.put('/api/data-protection/retention/pupil_record', { years: 1 })).statusCode).toBe(
      403,
    );
    const admin = await signedInClient(t.app, trust.admin.email);
    const zero = await admin.put('/api/data-protection/retention/pupil_record', { years: 0 });
    expect(zero.json().error.fields).toEqual([{ path: 'years', message: 'Keep records at least a year' }]);
  });

  it('deletes register entries past their years after a review, and says so in the audit log', () =>
    withOwnWorld(async ({ app, head }) => {
      await app.database.db.execute(sql`update attendance_marks set date = '2019-01-07'`);
      const before = (await head.get('/api/data-protection/retention')).json().registerEntriesPast;
      expect(before).toEqual({ before: '2020-01-12', entries: 1 });
      const noReview = await head.post('/api/data-protection/retention/register-entries/deletion', {
        reviewNote: 'ok',
      });
      expect(noReview.json().error.fields[0].path).toBe('reviewNote');
      const deleted = await head.post('/api/data-protection/retention/register-entries/deletion', {
        reviewNote: 'Checked: no inquiry or claim needs these entries',
      });
      expect(deleted.json()).toEqual({ deleted: 1, before: '2020-01-12' });
      expect((await head.get('/api/data-protection/retention')).json().registerEntriesPast.entries).toBe(0);
    }));

  it("deletes a pupil's whole record once past its date, only after a review, and never before", () =>
    withOwnWorld(async ({ app, trust, head, person, pupilId }) => {
      const early = await head.post(`/api/data-protection/retention/pupils/${pupilId}/deletion`, {
        reviewNote: 'Checked the file and there is no hold',
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('kept until 13 Mar 2037');
      const admin = await signedInClient(app.app, trust.admin.email);
      await admin.put('/api/data-protection/retention/pupil_record', { years: 1 });
      expect((await head.get('/api/data-protection/retention')).json().pupilRecordsPast).toEqual([
        expect.objectContaining({ pupilId, name: 'Jordan Reeve', keptUntil: '2013-03-13' }),
      ]);
      const otherHead = await person('headteacher', trust.schoolB.id);
      const outside = await otherHead.post(`/api/data-protection/retention/pupils/${pupilId}/deletion`, {
        reviewNote: 'Checked the file and there is no hold',
      });
      expect(outside.statusCode).toBe(404);
      // The file holds a safeguarding concern: child protection records are kept to date of birth + 25.
      const held = await head.post(`/api/data-protection/retention/pupils/${pupilId}/deletion`, {
        reviewNote: 'Checked the file and there is no hold',
      });
      expect(held.json().error).toMatchObject({
        code: 'retention.held',
        message: expect.stringContaining('kept until 13 Mar 2037'),
      });
      await admin.put('/api/data-protection/retention/child_protection', { years: 1 });
      // An EHCP document goes by its own period (date of birth + 31), not the file's.
      const { body, contentType } = multipartBody(
        { kind: 'ehcp', title: 'EHCP 2025', documentDate: '2025-06-01' },
        { name: 'ehcp.pdf', type: 'application/pdf', content: samplePdf },
      );
      const lead = await person('ap_lead');
      expect(
        (
          await lead.request('POST', `/api/pupils/${pupilId}/documents`, body, {
            'content-type': contentType,
          })
        ).statusCode,
      ).toBe(201);
      await verifyAuditLog(app.database.db, new Date()); // seals what was written so far, as the server does
      const deleted = await head.post(`/api/data-protection/retention/pupils/${pupilId}/deletion`, {
        reviewNote: 'Checked the file and there is no hold',
      });
      expect(deleted.json()).toMatchObject({
        placements: 1,
        registerEntries: 1,
        incidents: 2,
        files: 0,
        documentsKept: 1,
      });
      expect(deleted.json().auditEntriesRedacted).toBeGreaterThan(5);
      const { keptDocuments } = (await head.get('/api/data-protection/retention')).json();
      expect(keptDocuments).toEqual([
        expect.objectContaining({
          title: 'EHCP 2025',
          pupilName: 'Jordan Reeve',
          keptUntil: '2043-03-13',
          past: false,
        }),
      ]);
      const keptEarly = await head.post(
        `/api/data-protection/retention/kept-documents/${keptDocuments[0].id}/deletion`,
        {
          reviewNote: 'Checked the file and there is no hold',
        },
      );
      expect(keptEarly.json().error.code).toBe('retention.not_yet');
      // Nothing in the audit log names the pupil any more, and the chain still verifies.
      const events = await app.database.db.select().from(auditEvents);
      const text = JSON.stringify(events.map((e) => [e.summary, e.changes]));
      expect(text).not.toContain('Jordan');
      expect(text).not.toContain('Reeve');
      expect(text).not.toContain('R201100018042');
      const verified = await verifyAuditLog(app.database.db, new Date());
      expect(verified).toMatchObject({ intact: true, breaks: [] });
      // A redacted event's text changed again is still caught: the digest is what was sealed.
      const [redacted] = (await app.database.db.select().from(auditEvents)).filter(
        (e) => e.redactedAt !== null && e.chainSeq !== null,
      );
      await app.database.db
        .update(auditEvents)
        .set({ redactedAt: null })
        .where(eq(auditEvents.id, redacted!.id));
      expect((await verifyAuditLog(app.database.db, new Date())).breaks[0]).toMatchObject({
        eventId: redacted!.id,
        problem: 'changed',
      });
      const [logged] = events.filter((e) => e.action === 'retention.pupil_record_deleted');
      expect(logged?.summary).toContain('Review: Checked the file and there is no hold');
      expect(logged?.summary).toContain('1 EHCP documents kept until 13 Mar 2043');
    }));
});
