import { appendix5 } from '@waymark/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient } from '../../test/http-client.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London: the spring term has begun.
let t: TestApp;

type World = Awaited<ReturnType<typeof worldOf>>;

/**
 * A trust of the test's own in `app` (QA visits are planned per school, so each test has its own
 * schools): an AP lead, headteacher and attendance officer at one school, an AP lead at the other,
 * and Jordan placed from today with an approved provider.
 */
async function worldOf(app: TestApp) {
  const trust = await buildTrust(app.database.db);
  const user = (role: 'ap_lead' | 'headteacher' | 'attendance_officer', schoolId = trust.schoolA.id) =>
    buildUser(app.database.db, {
      groupId: trust.group.id,
      roles: [{ role, scopeType: 'school', scopeId: schoolId }],
    });
  const leadEmail = (await user('ap_lead')).email;
  const lead = await signedInClient(app.app, leadEmail);
  const head = await signedInClient(app.app, (await user('headteacher')).email);
  const providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const { placementId } = await activePlacement(lead, { schoolId: trust.schoolA.id, providerId });
  return {
    app,
    trust,
    lead,
    leadEmail,
    officer: await signedInClient(app.app, (await user('attendance_officer')).email),
    otherLead: await signedInClient(app.app, (await user('ap_lead', trust.schoolB.id)).email),
    providerId,
    placementId,
  };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const allLines = appendix5.areas.flatMap((a) => a.lines);
const judged = (judgement: string) =>
  Object.fromEntries(allLines.map((l) => [l.id, { judgement, comment: '' }]));

/** Behaviour line 4 of concern, every other line secure. */
const concernAnswers = () => ({
  ...judged('secure'),
  'behaviour.4': { judgement: 'concern', comment: 'No debrief recorded after two restraints' },
});

/** A visit today with every line answered, saved once (version 2), not yet completed. */
async function answeredVisit({ lead, trust, providerId }: World) {
  const visitId = (
    await lead.post('/api/qa/visits', { schoolId: trust.schoolA.id, providerId, visitOn: '2026-01-12' })
  ).json().id as string;
  const draft = {
    visitOn: '2026-01-12',
    visitors: 'Priya Shah (AP lead)',
    answers: concernAnswers(),
    pupilsSeen: [],
    version: 1,
  };
  expect((await lead.put(`/api/qa/visits/${visitId}`, draft)).statusCode).toBe(204);
  return visitId;
}

/** A completed visit with an action agreed, due on 6 February. */
async function visitWithAction(world: World) {
  const visitId = await answeredVisit(world);
  expect((await world.lead.post(`/api/qa/visits/${visitId}/complete`)).statusCode).toBe(204);
  const action = await world.lead.post(`/api/qa/visits/${visitId}/actions`, {
    action: 'Record a debrief after every restraint',
    owner: 'Centre manager',
    dueOn: '2026-02-06',
  });
  expect(action.statusCode).toBe(201);
  return visitId;
}

describe('termly QA visits', () => {
  it('plans a visit this term where pupils are placed', async () => {
    const { lead, otherLead } = await worldOf(t);
    const { visits } = (await lead.get('/api/qa/schedule')).json();
    expect(visits).toEqual([
      expect.objectContaining({
        providerName: 'Harbour Learning',
        termLabel: 'Spring 2025/26',
        status: 'due',
      }),
    ]);
    expect((await otherLead.get('/api/qa/schedule')).json().visits).toEqual([]);
  });

  it('records the visit as a draft, refusing a stale save and an incomplete form', async () => {
    const { lead, officer, otherLead, trust, providerId, placementId } = await worldOf(t);
    expect(
      (
        await officer.post('/api/qa/visits', {
          schoolId: trust.schoolA.id,
          providerId,
          visitOn: '2026-01-12',
        })
      ).statusCode,
    ).toBe(403);
    const elsewhere = await otherLead.post('/api/qa/visits', {
      schoolId: trust.schoolA.id,
      providerId,
      visitOn: '2026-01-12',
    });
    expect(elsewhere.json().error.code).toBe('qa.no_pupils_placed');
    const started = await lead.post('/api/qa/visits', {
      schoolId: trust.schoolA.id,
      providerId,
      visitOn: '2026-01-12',
    });
    expect(started.statusCode).toBe(201);
    const visitId = started.json().id;
    expect((await lead.get('/api/qa/schedule')).json().visits[0].status).toBe('in_progress');

    const empty = await lead.post(`/api/qa/visits/${visitId}/complete`);
    expect(empty.json().error.fields).toHaveLength(26);
    expect(empty.json().error.fields[0]).toEqual({
      path: 'answers.curriculum.1',
      message: 'Curriculum: Delivery of a broad and balanced curriculum / range of accredited courses',
    });

    const answers = concernAnswers();
    const draft = { visitOn: '2026-01-12', visitors: 'Priya Shah (AP lead)', answers, pupilsSeen: [] };
    expect((await lead.put(`/api/qa/visits/${visitId}`, { ...draft, version: 1 })).statusCode).toBe(204);
    const stale = await lead.put(`/api/qa/visits/${visitId}`, { ...draft, version: 1 });
    expect(stale.json().error.code).toBe('qa.changed_elsewhere');
    const naInCurriculum = await lead.put(`/api/qa/visits/${visitId}`, {
      ...draft,
      version: 2,
      answers: { ...answers, 'curriculum.1': { judgement: 'not_applicable', comment: '' } },
      pupilsSeen: [
        {
          placementId,
          pupilName: 'Jordan Reeve',
          learningObservation: 'Measured and cut timber safely',
          workScrutiny: 'Portfolio up to date',
          welfareCheck: 'Said he feels safe',
        },
      ],
    });
    expect(naInCurriculum.statusCode).toBe(204);
    const notApplicable = await lead.post(`/api/qa/visits/${visitId}/complete`);
    expect(notApplicable.json().error.fields).toEqual([
      { path: 'answers.curriculum.1', message: expect.stringContaining('broad and balanced') },
    ]);
    await lead.put(`/api/qa/visits/${visitId}`, { ...draft, version: 3 });
  });

  it('completes with the weakest line as the overall judgement, agrees an action and reports as a PDF', async () => {
    const world = await worldOf(t);
    const { lead } = world;
    const visitId = await answeredVisit(world);
    expect((await lead.post(`/api/qa/visits/${visitId}/complete`)).statusCode).toBe(204);
    const visit = (await lead.get(`/api/qa/visits/${visitId}`)).json();
    expect(visit).toMatchObject({ status: 'completed', overall: 'concern' });
    expect(
      (
        await lead.put(`/api/qa/visits/${visitId}`, {
          visitOn: '2026-01-12',
          visitors: 'x',
          answers: {},
          pupilsSeen: [],
          version: 2,
        })
      ).statusCode,
    ).toBe(409);
    expect((await lead.get('/api/qa/schedule')).json().visits[0].status).toBe('done');
    const action = await lead.post(`/api/qa/visits/${visitId}/actions`, {
      action: 'Record a debrief after every restraint',
      owner: 'Centre manager',
      dueOn: '2026-02-06',
    });
    expect(action.statusCode).toBe(201);
    const pdf = await lead.request('GET', `/api/qa/visits/${visitId}/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Harbour Learning');
    expect(text).toContain('Restraint/physical intervention incidents and post-incident support');
    expect(text).toContain('Record a debrief after every restraint');
  });

  it('carries an open action to the next visit until it is done', async () => {
    // Three weeks on is this test's alone: a database and clock of its own.
    const own = await createTestApp();
    try {
      const world = await worldOf(own);
      const { trust, providerId } = world;
      const visitId = await visitWithAction(world);
      own.advanceMinutes(60 * 24 * 21); // three weeks on: sign in again
      const lead = await signedInClient(own.app, world.leadEmail);
      const next = (
        await lead.post('/api/qa/visits', { schoolId: trust.schoolA.id, providerId, visitOn: '2026-02-02' })
      ).json().id;
      const [carried] = (await lead.get(`/api/qa/visits/${next}`)).json().actions;
      expect(carried).toMatchObject({
        action: 'Record a debrief after every restraint',
        carried: true,
        doneOn: null,
      });
      expect((await lead.post(`/api/qa/actions/${carried.id}/done`)).statusCode).toBe(204);
      expect((await lead.get(`/api/qa/visits/${next}`)).json().actions).toEqual([]);
      expect((await lead.get(`/api/qa/visits/${visitId}`)).json().actions[0]).toMatchObject({
        doneOn: '2026-02-02',
      });
    } finally {
      await own.close();
    }
  });
});

describe('the school census return', () => {
  it('returns the placement with its one identifier, and what to fix, for the school only', async () => {
    const { lead, otherLead, trust, placementId } = await worldOf(t);
    const query = `schoolId=${trust.schoolA.id}&academicYear=2025/26&term=spring`;
    const census = (await lead.get(`/api/census?${query}`)).json();
    expect(census).toMatchObject({
      censusDay: '2026-01-15',
      period: { from: '2025-10-03', to: '2026-01-15' },
    });
    expect(census.records).toEqual([
      expect.objectContaining({
        placementId,
        entryDate: '2026-01-12',
        attendancePattern: 'PT',
        leavingDate: null,
      }),
    ]);
    const record = census.records[0];
    expect([record.urn, record.ukprn, record.setting].filter(Boolean)).toHaveLength(1);
    const csv = (await lead.request('GET', `/api/census/return.csv?${query}`)).body;
    expect(csv.split('\r\n')[0]).toBe(
      'UPN,Pupil,URN,UKPRN,AP setting type,Entry date,Leaving date,Primary reason,Attendance pattern',
    );
    const xml = await lead.request('GET', `/api/census/return.xml?${query}`);
    expect(xml.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(xml.body).toContain('<EntryDate>2026-01-12</EntryDate>');
    const autumn = (
      await lead.get(`/api/census?schoolId=${trust.schoolA.id}&academicYear=2025/26&term=autumn`)
    ).json();
    expect(autumn.problems.map((p: { rule: string }) => p.rule)).toEqual(['4015Q']);
    const notTheirs = await otherLead.get(`/api/census?${query}`);
    expect(notTheirs.json().error.fields).toEqual([
      { path: 'schoolId', message: 'Choose one of your schools' },
    ]);
  });
});
