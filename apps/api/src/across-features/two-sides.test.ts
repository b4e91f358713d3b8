/**
 * Where records meet: two schools of one trust, each with its own provider, and each side holding
 * every kind of record a pupil gathers (a placement with marks, concerns from the provider and from the
 * school with attachments, documents, a QA visit, a voice request, a progress report, a notice, a
 * contact in the communications log), every free text carrying the side's marker. Then each side tries
 * the other's records on every route that takes an id, replays the other side's own writes, and reads
 * every list, export, report, PDF, workbook, feed and portal page it can: none may answer with, change
 * or reveal anything of the other side.
 *
 * The provider directory is the group's, not a school's (every school commissions from it), so a
 * school's staff reading the other school's provider is by design; the portal, which is one
 * provider's, is checked provider against provider.
 */
import { letterChecks, letterUndertakings } from '@waymark/domain';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retainedDocuments } from '../modules/data-protection/retention.table.ts';
import { directionReviews } from '../modules/placements/placements.table.ts';
import { pupilDocuments } from '../modules/pupils/pupil-documents.table.ts';
import { buildTrust, buildUser } from '../test/builders.ts';
import { databaseFingerprint } from '../test/fingerprint.ts';
import { clientOf, signedInClient, signedInStaff, type TestClient } from '../test/http-client.ts';
import { multipartBody, samplePdf } from '../test/multipart.ts';
import { pdfText } from '../test/pdf-text.ts';
import { activePlacement } from '../test/placement-builders.ts';
import { approvedProvider } from '../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London.
type Role = 'lead' | 'head' | 'dsl' | 'officer' | 'portal';
interface Recorded {
  role: Role;
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}
interface Side {
  name: 'A' | 'B';
  marker: string;
  pupilName: string;
  upn: string;
  clients: Record<Role, TestClient>;
  /** The record ids the side made, by the route parameter that names them. */
  ids: Record<string, string>;
  /** Other ways to fill the same parameters: an attachment goes with its own incident. */
  idSets: Record<string, string>[];
  /** Every request the side's people made while building it. */
  requests: Recorded[];
}

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
const sides = {} as Record<'A' | 'B', Side>;

/** A client that keeps a copy of each request it sends, to be replayed by the other side. */
function recording(client: TestClient, role: Role, into: Recorded[]): TestClient {
  return clientOf(client.cookies, (method, url, body, headers = {}) => {
    into.push({ role, method, url, body, headers });
    return client.request(method, url, body, headers);
  });
}

async function ok(response: Promise<LightMyRequestResponse>, what: string) {
  const answer = await response;
  if (answer.statusCode >= 300) throw new Error(`${what}: ${answer.statusCode} ${answer.body.slice(0, 300)}`);
  return String(answer.headers['content-type']).includes('json') ? answer.json() : answer.body;
}

async function buildSide(
  name: 'A' | 'B',
  schoolId: string,
  { pupilName, upn, ukprn }: { pupilName: string; upn: string; ukprn: string },
): Promise<Side> {
  const marker = `MARKER-SIDE-${name}`;
  const requests: Recorded[] = [];
  const staff = async (role: 'ap_lead' | 'headteacher' | 'dsl' | 'attendance_officer') =>
    signedInStaff(t.app, t.database.db, { groupId: trust.group.id, role, schoolId });
  const lead = recording(await staff('ap_lead'), 'lead', requests);
  const head = recording(await staff('headteacher'), 'head', requests);
  const dsl = recording(await staff('dsl'), 'dsl', requests);
  const officer = recording(await staff('attendance_officer'), 'officer', requests);
  const providerId = await approvedProvider(lead, head, { name: `Provider ${name}`, ukprn });
  const { pupilId, placementId } = await activePlacement(lead, {
    schoolId,
    providerId,
    pupil: {
      upn,
      uln: undefined,
      legalFirstName: pupilName,
      legalLastName: 'Marker',
      parents: [
        {
          name: `${pupilName} Parent`,
          relationship: 'Mother',
          email: `parent-${name.toLowerCase()}@example.org`,
          parentalResponsibility: true,
        },
      ],
    },
    // From the week before (Monday 5 January is an INSET day), every morning: enough sessions for
    // absences to raise a warning.
    plan: {
      startsOn: '2026-01-06',
      agreement: {
        discussedOn: '2026-01-02',
        withWhom: 'The pupil and a parent',
        how: 'Meeting',
        agreed: true,
      },
      sessions: [
        { day: 'mon', session: 'am', hours: 3 },
        { day: 'tue', session: 'am', hours: 3 },
        { day: 'wed', session: 'am', hours: 3 },
        { day: 'thu', session: 'am', hours: 3 },
        { day: 'fri', session: 'am', hours: 3 },
      ],
    },
  });
  const providerUser = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
  });
  const portal = recording(await signedInClient(t.app, providerUser.email), 'portal', requests);
  const upload = (client: TestClient, url: string, fields: Record<string, string>) => {
    const { body, contentType } = multipartBody(fields, {
      name: `${marker}.pdf`,
      type: 'application/pdf',
      content: samplePdf,
    });
    return client.request('POST', url, body, { 'content-type': contentType });
  };
  const concern = (extra: Record<string, unknown>) => ({
    placementId,
    occurredAt: '2026-01-12T09:10',
    location: `Workshop ${marker}`,
    whatHappened: `${marker}: what ${pupilName} said`,
    immediateActions: `${marker}: told the DSL`,
    ...extra,
  });

  // Three unexplained absences in the last five school days: an early warning at the school.
  for (const date of ['2026-01-06', '2026-01-07', '2026-01-08'])
    await ok(
      portal.post('/api/portal/register', { date, session: 'am', marks: [{ placementId, mark: 'absent' }] }),
      `register of ${date}`,
    );
  const portalReport = await ok(
    portal.post('/api/portal/incidents', concern({ kind: 'safeguarding_concern' })),
    'portal concern',
  );
  const portalAttachment = await ok(
    upload(portal, `/api/portal/incidents/${portalReport.id}/attachments`, { description: marker }),
    'portal attachment',
  );
  const schoolRecord = await ok(
    dsl.post('/api/incidents', concern({ kind: 'allegation_against_staff' })),
    'school record',
  );
  const statement = await ok(
    upload(dsl, `/api/incidents/${schoolRecord.id}/attachments`, { description: marker }),
    'statement',
  );
  const documents = await ok(
    upload(lead, `/api/pupils/${pupilId}/documents`, {
      kind: 'risk_assessment',
      title: `${marker} risk assessment`,
      documentDate: '2026-01-09',
    }),
    'pupil document',
  );
  const visit = await ok(
    lead.post('/api/qa/visits', { schoolId, providerId, visitOn: '2026-01-12' }),
    'QA visit',
  );
  await ok(
    lead.post(`/api/placements/${placementId}/communications`, {
      kind: 'call',
      occurredOn: '2026-01-12',
      withWhom: `${marker} key worker`,
      summary: `${marker}: first morning went well`,
    }),
    'communication',
  );
  // A request to review an off-site direction, written to its table (the API takes one only for a
  // direction): the placement page shows it to this side, never to the other.
  await t.database.db.insert(directionReviews).values({
    placementId,
    kind: 'requested',
    on: '2026-01-12',
    requestedBy: 'parents',
    note: `${marker}: a letter asking for a review`,
    recordedBy: trust.admin.id,
    recordedByName: `${marker} admin`,
  });
  await ok(
    portal.post(`/api/portal/placements/${placementId}/progress-reports`, {
      reportedOn: '2026-01-12',
      learning: `${marker}: first unit`,
      attendanceAndBehaviour: `${marker}: settled`,
      nextSteps: `${marker}: second unit`,
    }),
    'progress report',
  );
  await ok(
    portal.post('/api/portal/notices', {
      kind: 'safeguarding_policy_change',
      // In force on Thursday, told on Monday: a working day late.
      effectiveOn: '2026-01-08',
      // A provider's notice is for every school that uses it: no marker.
      details: 'A new safeguarding policy from Monday',
    }),
    'notice',
  );
  const placement = await ok(lead.get(`/api/placements/${placementId}`), 'placement');
  // A review that records a material change for a pupil with an EHCP: the EHCP review is to arrange.
  const reviewId = placement.reviews[0].id;
  await ok(
    lead.post(`/api/placements/${placementId}/reviews/${reviewId}`, {
      completedOn: '2026-01-12',
      progress: [
        { targetId: 'o1', progress: `${marker}: attended most mornings`, evidence: 'Register' },
        { targetId: 'r1', progress: 'Not started yet', evidence: '' },
      ],
      attendancePercent: 40,
      behaviour: 'Settled',
      pupilView: 'Likes the workshop',
      parentView: 'Worried about the absences',
      decision: 'adjust_plan',
      materialChange: true,
    }),
    'review',
  );
  // Recording that it was arranged is a write the school could make: kept for the other side to try.
  requests.push({
    role: 'lead',
    method: 'POST',
    url: `/api/placements/${placementId}/reviews/${reviewId}/ehcp-review`,
    body: { arrangedOn: '2026-01-12', note: `${marker}: interim review requested` },
    headers: {},
  });
  const voice = await ok(lead.get(`/api/placements/${placementId}/voice`), 'voice');
  const board = await ok(officer.get('/api/attendance/board?date=2026-01-12'), 'attendance board');
  const callId = board.calls?.[0]?.id;
  await ok(
    officer.post(`/api/attendance/calls/${callId}/log`, {
      step: 'call',
      called: `${pupilName} Parent`,
      number: '07700 900123',
      outcome: `${marker}: no answer`,
      safeAndWell: false,
    }),
    'first-day call step',
  );
  await ok(
    lead.put(`/api/qa/visits/${visit.id}`, {
      version: 1,
      visitOn: '2026-01-12',
      visitors: `${marker} visitor`,
      answers: {},
      pupilsSeen: [],
    }),
    'QA draft',
  );
  await ok(
    lead.post(`/api/placements/${placementId}/shares`, {
      what: `${marker}: current risk assessment`,
      method: 'Secure email',
      sharedOn: '2026-01-12',
      documentId: documents.documents[0].id,
    }),
    'share',
  );
  await ok(
    portal.post('/api/portal/closures', { date: '2026-01-26', note: `${marker}: staff training` }),
    'closure day',
  );
  const { interventions } = await ok(officer.get('/api/attendance/interventions'), 'interventions');
  const interventionId = interventions?.[0]?.id;
  await ok(
    officer.put(`/api/attendance/interventions/${interventionId}`, {
      action: `${marker}: meeting with the family`,
      owner: 'Attendance officer',
      reviewOn: '2026-01-26',
    }),
    'intervention',
  );
  const parentRequest = voice.requests?.find((r: { respondent: string }) => r.respondent === 'parent');
  await ok(
    lead.post(`/api/placements/${placementId}/voice/${parentRequest.id}/link`, {
      emailTo: `parent-${name.toLowerCase()}@example.org`,
    }),
    'voice link',
  );
  // Reads the side itself makes, so the replay tries them too.
  for (const url of [
    `/api/pupils/${pupilId}`,
    `/api/pupils/${pupilId}/documents`,
    `/api/incidents/${portalReport.id}`,
    `/api/incidents/${schoolRecord.id}`,
    `/api/pupils/${pupilId}/chronology`,
    `/api/placements/${placementId}/behaviour`,
    `/api/placements/${placementId}/progress-reports`,
    `/api/qa/visits/${visit.id}`,
  ])
    await ok((url.includes('chronology') || url.includes('/incidents/') ? dsl : lead).get(url), url);
  await ok(
    portal.get(`/api/portal/incidents/${portalReport.id}/attachments/${portalAttachment.id}`),
    'download',
  );

  await ok(
    lead.post(`/api/providers/${providerId}/communications`, {
      kind: 'meeting',
      occurredOn: '2026-01-12',
      // Contact with the provider as a whole is the group's to see, so it carries no marker.
      withWhom: 'Centre manager',
      summary: 'Termly planning',
    }),
    'provider communication',
  );
  const trained = await ok(
    lead.post('/api/training/staff', {
      schoolId,
      name: `${marker} mentor`,
      role: 'Learning mentor',
      placementIds: [placementId],
    }),
    'AP staff',
  );
  await ok(
    lead.post(`/api/training/staff/${trained.id}/records`, {
      course: `${marker} trauma-informed practice`,
      trainingProvider: 'The trust',
      completedOn: '2025-10-14',
      topics: ['behaviour_management'],
      expiresOn: '2028-10-14',
    }),
    'training record',
  );
  await ok(
    head.put(`/api/reports/budgets/${schoolId}`, { academicYear: '2025/26', amountPounds: 5000 }),
    'budget',
  );
  const qaAction = await ok(
    lead.post(`/api/qa/visits/${visit.id}/actions`, {
      action: `${marker}: record a debrief after every restraint`,
      owner: 'Centre manager',
      dueOn: '2026-02-06',
    }),
    'QA action',
  );
  // Marking it done is a write the school could make: kept for the other side to try.
  requests.push({
    role: 'lead',
    method: 'POST',
    url: `/api/qa/actions/${qaAction.id}/done`,
    body: {},
    headers: {},
  });
  // A letter the school asks for and the provider has not signed yet. Its signature is a write the
  // provider could make: kept for the other side to try, not sent.
  const { letters } = await ok(lead.post(`/api/providers/${providerId}/letters`, { schoolId }), 'letter');
  const letterId = letters.find((l: { status: string }) => l.status === 'requested').id;
  requests.push({
    role: 'portal',
    method: 'POST',
    url: `/api/portal/letters/${letterId}/sign`,
    body: {
      checks: letterChecks.map(() => true),
      undertakings: letterUndertakings.map(() => true),
      name: `${marker} manager`,
      role: 'Centre manager',
      organisation: `Provider ${name}`,
      signature: `${marker} manager`,
    },
    headers: {},
  });
  const ids: Record<string, string> = {
    schoolId,
    pupilId,
    placementId,
    incidentId: schoolRecord.id,
    attachmentId: statement.id,
    portalIncidentId: portalReport.id,
    portalAttachmentId: portalAttachment.id,
    documentId: documents.documents[0].id,
    visitId: visit.id,
    reviewId,
    requestId: voice.requests?.[0]?.id,
    callId,
    interventionId,
    letterId,
    actionId: qaAction.id,
    staffId: trained.id,
    providerId,
  };
  return {
    name,
    marker,
    pupilName,
    upn,
    clients: { lead, head, dsl, officer, portal },
    ids,
    idSets: [
      ids,
      // The provider's own report with the attachment its staff added, for the portal's routes.
      { ...ids, incidentId: portalReport.id, attachmentId: portalAttachment.id },
    ],
    requests,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  // This trust flags a provider at its first lapsed or late item, so each provider's late notice
  // raises a provider warning at the school that places with it.
  const admin = await signedInClient(t.app, trust.admin.email);
  const { settings } = (await admin.get('/api/warnings/settings')).json();
  await ok(admin.put('/api/warnings/settings', { ...settings, providerLapsedItems: 1 }), 'warning settings');
  sides.A = await buildSide('A', trust.schoolA.id, {
    pupilName: 'Ashcombe',
    upn: 'V340212300012',
    ukprn: '10011111',
  });
  sides.B = await buildSide('B', trust.schoolB.id, {
    pupilName: 'Brackenbury',
    upn: 'Z340212300005',
    ukprn: '10022222',
  });
}, 180_000);
afterAll(() => t.close());

/** What a response says, as text: PDFs and workbooks are opened and read, not scanned as bytes. */
async function textOf(response: LightMyRequestResponse): Promise<string> {
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('application/pdf')) return pdfText(response.rawPayload);
  if (type.includes('spreadsheetml')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as never);
    return workbook.worksheets
      .flatMap((sheet) => sheet.getSheetValues().flat())
      .map((v) => (typeof v === 'object' && v ? JSON.stringify(v) : String(v)))
      .join('\n');
  }
  return response.body;
}

const revealsOf = (text: string, other: Side) =>
  [other.marker, other.pupilName, other.upn].filter((word) => text.includes(word));

/**
 * The other side's own records by id: a list that names one has reached beyond its scope even where
 * the record carries no marker (a letter asked of the other provider, the other school on a board).
 */
const PRIVATE_IDS = [
  'schoolId',
  'pupilId',
  'placementId',
  'incidentId',
  'attachmentId',
  'portalIncidentId',
  'portalAttachmentId',
  'documentId',
  'visitId',
  'requestId',
  'callId',
  'interventionId',
  'letterId',
  'actionId',
  'staffId',
];
const namesIdsOf = (text: string, other: Side) =>
  PRIVATE_IDS.filter((key) => other.ids[key] && text.includes(other.ids[key]!)).map((key) => `${key}`);

const pairs = () =>
  [
    [sides.A, sides.B],
    [sides.B, sides.A],
  ] as const;

describe('two schools and two providers, each with every kind of record', () => {
  it('each side holds its records and reads them back, so there is something to leak', async () => {
    for (const side of Object.values(sides)) {
      // Every kind of record the checks below look for was made, with its id kept.
      for (const id of [...PRIVATE_IDS, 'reviewId', 'providerId'])
        expect(side.ids[id], `${side.name} ${id}`).toBeTruthy();
      const pupils = await textOf(await side.clients.lead.get('/api/pupils'));
      expect(pupils).toContain(side.pupilName);
      const incidents = await textOf(await side.clients.dsl.get('/api/incidents'));
      expect(incidents).toContain(side.pupilName);
      const portal = await textOf(await side.clients.portal.get('/api/portal/incidents'));
      expect(portal).toContain(side.pupilName);
      // The school's own duties are there to leak: the absences' early warning and the EHCP review to arrange.
      const warnings = await textOf(await side.clients.officer.get('/api/warnings'));
      expect(warnings).toContain(side.pupilName);
      const ehcpReviews = (await side.clients.lead.get('/api/placements/ehcp-reviews')).json();
      expect(ehcpReviews.tasks.map((task: { flagId: string }) => task.flagId)).toEqual([side.ids.reviewId]);
    }
  });

  it('raises each side’s early warnings at its own school only: its pupil and the provider it places with', async () => {
    for (const [mine, theirs] of pairs())
      for (const role of ['lead', 'head', 'officer'] as const) {
        const { active } = (await mine.clients[role].get('/api/warnings')).json();
        const about = (kind: string) =>
          active
            .filter((w: { kind: string }) => w.kind === kind)
            .map((w: { providerId: string }) => w.providerId);
        // Provider risk is for those who oversee providers, not the attendance officer.
        expect(about('provider_lapses'), `${mine.name}'s ${role}`).toEqual(
          role === 'officer' ? [] : [mine.ids.providerId],
        );
        expect(about('unexplained_absences'), `${mine.name}'s ${role}`).toEqual([mine.ids.providerId]);
        expect(JSON.stringify(active)).not.toContain(theirs.ids.providerId);
      }
  });

  it('answers every route that takes an id with "not found" or "not allowed" for the other side’s ids', async () => {
    const tried: string[] = [];
    const problems: string[] = [];
    const routes = t.app
      .routePolicies()
      .filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && r.url.includes('/:'));
    for (const [mine, theirs] of pairs()) {
      for (const route of routes) {
        const portalRoute = route.url.startsWith('/api/portal/');
        // The group's provider directory is shared by its schools; the portal is one provider's.
        if (!portalRoute && /^\/api\/(providers|provider-documents|audits|letters)\b/.test(route.url))
          continue;
        const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
        const urls = new Set(
          theirs.idSets
            .filter((ids) => params.every((p) => ids[p]))
            .map((ids) => route.url.replace(/:(\w+)/g, (_, p: string) => ids[p]!)),
        );
        for (const url of urls)
          for (const role of portalRoute
            ? (['portal'] as const)
            : (['lead', 'head', 'dsl', 'officer'] as const)) {
            const response = await mine.clients[role].get(url);
            tried.push(`${role} GET ${route.url}`);
            if (response.statusCode < 400 || response.statusCode >= 500)
              problems.push(`${mine.name}'s ${role}: GET ${route.url} → ${response.statusCode}`);
            const revealed = revealsOf(await textOf(response), theirs);
            if (revealed.length) problems.push(`${mine.name}'s ${role}: GET ${route.url} shows ${revealed}`);
          }
      }
    }
    // Reports, the census and the inspection pack name their school in the query: the other side's is refused.
    for (const [mine, theirs] of pairs())
      for (const url of [
        `/api/reports/governors?scope=school&id=${theirs.ids.schoolId}&academicYear=2025/26&term=spring`,
        `/api/census?schoolId=${theirs.ids.schoolId}&academicYear=2025/26&term=spring`,
        `/api/inspection-pack?school=${theirs.ids.schoolId}`,
      ])
        for (const role of ['lead', 'head'] as const) {
          const response = await mine.clients[role].get(url);
          tried.push(`${role} GET ${url.split('?')[0]}`);
          if (response.statusCode < 400 || response.statusCode >= 500)
            problems.push(
              `${mine.name}'s ${role}: GET ${url.split('?')[0]} for the other school → ${response.statusCode}`,
            );
        }
    // A provider's pages are the group's (its notices, contact with it as a whole), but what a school
    // recorded there about its pupils is the school's own.
    for (const [mine, theirs] of pairs())
      for (const route of routes.filter((r) => /^\/api\/providers\/:providerId(\/[\w-]+)*$/.test(r.url)))
        for (const role of ['lead', 'head', 'dsl', 'officer'] as const) {
          const response = await mine.clients[role].get(
            route.url.replace(':providerId', theirs.ids.providerId!),
          );
          if (response.statusCode >= 500) problems.push(`${mine.name}'s ${role}: GET ${route.url} → 500`);
          const revealed = revealsOf(await textOf(response), theirs);
          if (revealed.length) problems.push(`${mine.name}'s ${role}: GET ${route.url} shows ${revealed}`);
        }
    expect(problems).toEqual([]);
    // Most id-bearing reads are reached: a route list that shrank, or ids not collected, would show here.
    const reached = new Set(tried.map((r) => r.split(' ').slice(1).join(' ')));
    if (process.env.DEBUG_SIDES) console.log([...reached].join('\n'));
    expect(reached.size).toBeGreaterThanOrEqual(21);
  }, 120_000);

  it('refuses each of the other side’s own writes, replayed by the same role, and writes nothing', async () => {
    const problems: string[] = [];
    let replayed = 0;
    for (const [mine, theirs] of pairs()) {
      const theirIds = Object.values(theirs.ids).filter(Boolean) as string[];
      for (const request of theirs.requests) {
        if (request.method === 'GET') continue;
        const text = `${request.url} ${JSON.stringify(request.body ?? '')}`;
        // Only writes that point at the other side's records; a new provider in the directory is anyone's.
        if (!theirIds.some((id) => text.includes(id)) || /^\/api\/(providers|audits)\b/.test(request.url))
          continue;
        const before = await databaseFingerprint(t.database.db);
        const response = await mine.clients[request.role].request(
          request.method as 'POST',
          request.url,
          request.body,
          request.headers,
        );
        replayed++;
        if (response.statusCode < 400 || response.statusCode >= 500)
          problems.push(
            `${mine.name}'s ${request.role}: ${request.method} ${request.url} → ${response.statusCode}`,
          );
        if ((await databaseFingerprint(t.database.db)) !== before)
          problems.push(
            `${mine.name}'s ${request.role}: ${request.method} ${request.url} wrote while refusing`,
          );
      }
    }
    expect(problems).toEqual([]);
    expect(replayed).toBeGreaterThanOrEqual(16);
  }, 120_000);

  it('shows nothing of the other side in any list, search, export, report, PDF, workbook, feed or portal page', async () => {
    const problems: string[] = [];
    let read = 0;
    // Plain, and naming the other side's school where a list is narrowed by one (the census, the board).
    const queriesFor = (theirs: Side) => [
      '',
      '?search=Marker',
      '?date=2026-01-12',
      '?academicYear=2025/26&term=spring',
      '?from=2026-01-01&to=2026-01-31',
      `?school=${theirs.ids.schoolId}`,
      `?schoolId=${theirs.ids.schoolId}`,
      `?schoolId=${theirs.ids.schoolId}&academicYear=2025/26&term=spring`,
      `?schoolId=${theirs.ids.schoolId}&date=2026-01-12`,
      `?schoolId=${theirs.ids.schoolId}&from=2026-01-01&to=2026-01-31`,
    ];
    // Lists take no id; an export's only parameter is its format, tried as each.
    const urls = t.app
      .routePolicies()
      .filter(
        (r) =>
          r.method === 'GET' &&
          r.url.startsWith('/api/') &&
          !r.url.startsWith('/api/docs') &&
          r.url !== '/api/openapi.json',
      )
      .flatMap((r) => {
        const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
        if (params.length === 0) return [r.url];
        if (params.length === 1 && params[0] === 'format')
          return ['csv', 'xlsx', 'pdf', 'xml'].map((f) => r.url.replace(':format', f));
        return [];
      });
    expect(urls.filter((u) => u.endsWith('.xlsx')).length).toBeGreaterThanOrEqual(5);
    for (const [mine, theirs] of pairs()) {
      for (const role of ['lead', 'head', 'dsl', 'officer', 'portal'] as const) {
        for (const route of urls) {
          for (const query of queriesFor(theirs)) {
            const response = await mine.clients[role].get(`${route}${query}`);
            if (response.statusCode !== 200) continue;
            read++;
            const text = await textOf(response);
            const revealed = [...revealsOf(text, theirs), ...namesIdsOf(text, theirs)];
            if (revealed.length)
              problems.push(`${mine.name}'s ${role}: GET ${route}${query} shows ${revealed}`);
          }
        }
        const { url } = (await mine.clients[role].post('/api/account/calendar-feed', {})).json();
        if (url) {
          const feed = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
          read++;
          const revealed = revealsOf(feed.body, theirs);
          if (revealed.length) problems.push(`${mine.name}'s ${role}: calendar feed shows ${revealed}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(read).toBeGreaterThanOrEqual(200);
  }, 300_000);

  it('keeps retention and deletion at one school: past-date reports, register clearing and whole-record deletion', async () => {
    const admin = await signedInClient(t.app, trust.admin.email);
    // Short years make both sides' records past their date; only B's register entries are old. The
    // world is put back afterwards: the other tests, in any order, need it as it was built.
    const { schedule } = (await admin.get('/api/data-protection/retention')).json();
    for (const kind of ['pupil_record', 'attendance_register'])
      expect((await admin.put(`/api/data-protection/retention/${kind}`, { years: 1 })).statusCode).toBe(204);
    await t.database.db.execute(
      sql`update attendance_marks set date = date - interval '7 years' where placement_id = ${sides.B.ids.placementId}`,
    );
    let keptId: string | undefined;
    try {
      const report = async (side: Side) =>
        (await side.clients.head.get('/api/data-protection/retention')).json();
      const aReport = await report(sides.A);
      const bReport = await report(sides.B);
      expect(JSON.stringify(bReport.pupilRecordsPast)).toContain(sides.B.pupilName);
      expect(JSON.stringify(aReport.pupilRecordsPast)).not.toContain(sides.B.pupilName);
      expect(bReport.registerEntriesPast.entries).toBeGreaterThan(0);
      expect(aReport.registerEntriesPast.entries).toBe(0);

      const reviewNote = 'Checked: nothing needs these records kept';
      const cleared = await sides.A.clients.head.post(
        '/api/data-protection/retention/register-entries/deletion',
        {
          reviewNote,
        },
      );
      expect(cleared.json().deleted).toBe(0);
      expect((await report(sides.B)).registerEntriesPast.entries).toBe(bReport.registerEntriesPast.entries);
      const deletion = await sides.A.clients.head.post(
        `/api/data-protection/retention/pupils/${sides.B.ids.pupilId}/deletion`,
        { reviewNote },
      );
      expect(deletion.statusCode).toBe(404);
      expect((await sides.B.clients.lead.get(`/api/pupils/${sides.B.ids.pupilId}`)).statusCode).toBe(200);

      // An EHCP document B kept after a pupil's record went, past its own date: listed and deletable at
      // B only.
      const [file] = await t.database.db
        .select({ id: pupilDocuments.fileId })
        .from(pupilDocuments)
        .where(eq(pupilDocuments.pupilId, sides.B.ids.pupilId!));
      const [kept] = await t.database.db
        .insert(retainedDocuments)
        .values({
          groupId: trust.group.id,
          schoolId: sides.B.ids.schoolId!,
          kind: 'send_ehcp',
          pupilName: 'Kept pupil of side B',
          pupilDateOfBirth: '2000-01-01',
          pupilUpn: 'A000000000001',
          title: 'EHCP kept by side B',
          fileId: file!.id,
          keepUntil: '2020-01-01',
          retainedAt: new Date(),
        })
        .returning({ id: retainedDocuments.id });
      keptId = kept!.id;
      expect(JSON.stringify((await report(sides.B)).keptDocuments)).toContain('EHCP kept by side B');
      expect(JSON.stringify((await report(sides.A)).keptDocuments)).not.toContain('EHCP kept by side B');
      const keptDeletion = await sides.A.clients.head.post(
        `/api/data-protection/retention/kept-documents/${keptId}/deletion`,
        { reviewNote },
      );
      expect(keptDeletion.statusCode).toBe(404);
      expect(JSON.stringify((await report(sides.B)).keptDocuments)).toContain('EHCP kept by side B');
    } finally {
      if (keptId) await t.database.db.delete(retainedDocuments).where(eq(retainedDocuments.id, keptId));
      await t.database.db.execute(
        sql`update attendance_marks set date = date + interval '7 years' where placement_id = ${sides.B.ids.placementId}`,
      );
      for (const { kind, years } of schedule.filter((k: { kind: string }) =>
        ['pupil_record', 'attendance_register'].includes(k.kind),
      ))
        await admin.put(`/api/data-protection/retention/${kind}`, { years });
    }
  });
});
