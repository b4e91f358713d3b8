import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, signedInStaff, type TestClient } from '../../test/http-client.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const PUBLIC_URL = 'http://waymark.test';
const DISCLOSURE = 'A disclosure at break about home';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let head: TestClient;
let dsl: TestClient;
let placementId: string;
let providerId: string;

const person = async (
  role: 'ap_lead' | 'headteacher' | 'dsl' | 'attendance_officer',
  schoolId = trust.schoolA.id,
) => signedInStaff(t.app, t.database.db, { groupId: trust.group.id, role, schoolId });

const pack = (client: TestClient, path = '', query = '') =>
  client.get(`/api/inspection-pack${path}?school=${trust.schoolA.id}${query}`);

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  trust = await buildTrust(t.database.db);
  const lead = await person('ap_lead');
  head = await person('headteacher');
  dsl = await person('dsl');
  providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  ({ placementId } = await activePlacement(lead, {
    schoolId: trust.schoolA.id,
    providerId,
    pupil: {
      senStatus: 'ehcp',
      ehcpLocalAuthority: 'Leeds',
      lookedAfter: true,
      virtualSchoolContact: 'Virtual school head, 0113 000 0000',
    },
    plan: {
      sessions: [
        { day: 'mon', session: 'am', hours: 3 },
        { day: 'wed', session: 'am', hours: 3 },
        { day: 'wed', session: 'pm', hours: 2 },
      ],
    },
  }));
  const staff = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
  });
  const portal = await signedInClient(t.app, staff.email);
  await portal.post('/api/portal/register', {
    date: '2026-01-12',
    session: 'am',
    marks: [{ placementId, mark: 'present' }],
  });
  const reported = await portal.post('/api/portal/incidents', {
    placementId,
    kind: 'safeguarding_concern',
    occurredAt: '2026-01-12T09:00',
    location: 'Workshop',
    whatHappened: DISCLOSURE,
    immediateActions: 'Told the school by phone',
  });
  expect(reported.statusCode, reported.body).toBe(201);
});
afterAll(() => t.close());

describe('the inspection-ready pack', () => {
  it('lists every pupil in AP that day with provider assurance and oversight, counting concerns only', async () => {
    const response = await pack(head);
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json();
    expect(data.school.name).toBe('Alder School');
    expect(data.pupils).toEqual([
      expect.objectContaining({
        placementId,
        providerName: 'Harbour Learning',
        type: 'Commissioned alternative provision',
        days: ['Monday', 'Wednesday'],
        hoursPerWeek: 8,
        startsOn: '2026-01-12',
        registration: 'B',
        ehcp: true,
        lookedAfter: true,
        reason: 'Vocational',
        objectives: ['Attend every morning'],
        link: `/placements/${placementId}`,
      }),
    ]);
    expect(data.providers[0]).toMatchObject({
      name: 'Harbour Learning',
      status: 'Approved',
      letterOn: '2026-01-09',
      letterOverdue: false,
      insuranceOverdue: false,
      lastAudit: { on: '2026-01-08', outcome: 'Suitable' },
      lastQaVisit: null,
      link: `/providers/${providerId}`,
    });
    expect(data.providers[0].insuranceExpiresOn).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(data.providers[0].approvedOn).toMatch(/^20\d\d-\d\d-\d\d$/);
    // The board's overdue duties at the school come with the pack, each linked to act on it.
    expect(data.overdue.length).toBeGreaterThan(0);
    for (const item of data.overdue) expect(item.link).toMatch(/^\//);
    expect(data.placements[0]).toMatchObject({
      attendanceTerm: 100,
      attendanceYear: 100,
      openSafeguardingConcerns: 1,
      lastPupilVoiceOn: null,
    });
    expect(data.placements[0].nextReviewOn).toMatch(/^2026-/);
    // The concern is counted; what it says is for the DSL's own pages, not the pack — even a DSL's.
    expect(response.body).not.toContain(DISCLOSURE);
    const forDsl = await pack(dsl);
    expect(forDsl.json().placements[0].openSafeguardingConcerns).toBe(1);
    expect(forDsl.body).not.toContain(DISCLOSURE);
  });

  it('is for the school’s leaders only, for their own schools, and not for a day to come', async () => {
    const otherHead = await person('headteacher', trust.schoolB.id);
    const refused = await pack(otherHead);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ path: 'school', message: 'Choose one of your schools' }]);
    expect((await pack(await person('attendance_officer'))).statusCode).toBe(403);
    const future = await pack(head, '', '&date=2026-02-01');
    expect(future.json().error.fields[0].path).toBe('date');
    // The day before the placement began: nobody was in AP.
    expect((await pack(head, '', '&date=2026-01-11')).json().pupils).toEqual([]);
  });

  it('downloads as a PDF and an XLSX workbook with a sheet per section, each row linked, and logs each', async () => {
    const pdf = await pack(head, '/pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('inspection-pack-alder-school-2026-01-12.pdf');
    const text = pdfText(pdf.rawPayload);
    for (const heading of [
      '1. Pupils in alternative provision (1)',
      '2. Providers (1)',
      '3. Oversight of each placement',
      '4. Overdue',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('Harbour Learning');
    expect(text).not.toContain(DISCLOSURE);
    expect(pdf.rawPayload.toString('latin1')).toContain(`${PUBLIC_URL}/placements/${placementId}`);

    const xlsx = await pack(head, '/xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Pupils in AP',
      'Providers',
      'Placements',
      'Overdue',
    ]);
    const pupils = workbook.getWorksheet('Pupils in AP')!;
    expect(pupils.getRow(2).getCell(4).value).toBe('Harbour Learning');
    expect(pupils.getRow(2).getCell(14).value).toEqual({
      text: 'Open',
      hyperlink: `${PUBLIC_URL}/placements/${placementId}`,
    });
    expect(workbook.getWorksheet('Placements')!.getRow(2).getCell(7).value).toBe(1);

    const generated = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'inspection_pack.generated'));
    const summaries = generated.map((e) => e.summary);
    expect(
      summaries.some((m) => m.startsWith('Inspection pack for Alder School on 12 Jan 2026 (PDF): 1 pupils')),
    ).toBe(true);
    expect(
      summaries.some((m) => m.startsWith('Inspection pack for Alder School on 12 Jan 2026 (XLSX): 1 pupils')),
    ).toBe(true);
  });
});
