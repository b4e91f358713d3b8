import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { multipartBody, samplePdf } from '../../test/multipart.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { approvedProvider, providerBody } from '../../test/provider-builders.ts';
import { pupilBody } from '../../test/pupil-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// The test clock starts on Monday 12 January 2026; the schools have the demo 2025/26 term dates.
let t: TestApp;
let w: World;
const plan = (version: number, overrides: Record<string, unknown> = {}) => ({
  version,
  reason: 'Persistent disruption; needs a smaller setting with vocational learning',
  startsOn: '2026-01-19',
  plannedEndOn: '2026-03-27',
  agreement: {
    discussedOn: '2026-01-12',
    withWhom: 'Jordan and his mother',
    how: 'Meeting at school',
    pupilView: 'Keen on the motor vehicle course',
    agreed: true,
  },
  objectives: [
    {
      id: 'o1',
      text: 'Attend every timetabled session',
      timeline: 'By February half-term',
      successCriteria: '95% attendance',
    },
  ],
  reintegrationTargets: [
    {
      id: 'r1',
      text: 'Return to school for English and maths two mornings a week',
      timeline: 'From Summer 1',
      post16Link: 'Level 1 motor vehicle course at college needs English and maths',
    },
  ],
  induction: 'Visit with his mother on 15 January; first week half days',
  sessions: [
    { day: 'mon', session: 'am', hours: 3 },
    { day: 'tue', session: 'am', hours: 3 },
    { day: 'wed', session: 'pm', hours: 2.5 },
  ],
  costPence: 9500,
  costPer: 'session',
  funding: 'School budget',
  ...overrides,
});

type World = Awaited<ReturnType<typeof worldOf>>;

/**
 * A trust in `app`: an AP lead and headteacher at one school, an AP lead at the other, an approved
 * provider, a provider not yet vetted and a pupil with an EHCP. Tests that move the clock build their
 * own in a database of their own.
 */
async function worldOf(app: TestApp) {
  const trust = await buildTrust(app.database.db);
  const user = (role: 'ap_lead' | 'headteacher', schoolId: string) =>
    buildUser(app.database.db, {
      groupId: trust.group.id,
      roles: [{ role, scopeType: 'school', scopeId: schoolId }],
    });
  const lead = await user('ap_lead', trust.schoolA.id);
  const head = await user('headteacher', trust.schoolA.id);
  const other = await user('ap_lead', trust.schoolB.id);
  const apLead = await signedInClient(app.app, lead.email);
  const headClient = await signedInClient(app.app, head.email);
  return {
    app,
    trust,
    apLead,
    head: headClient,
    otherLead: await signedInClient(app.app, other.email),
    emails: { lead: lead.email, head: head.email, other: other.email },
    approvedId: await approvedProvider(apLead, headClient, { name: 'Harbour Learning' }),
    draftProviderId: (
      await apLead.post('/api/providers', providerBody({ name: 'Not Yet Vetted', ukprn: '10099999' }))
    ).json().id as string,
    pupilId: (await apLead.post('/api/pupils', pupilBody(trust.schoolA.id))).json().id as string,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await worldOf(t);
});
afterAll(() => t.close());

/** A referral to the approved provider with its plan saved: ready to start. */
async function plannedPlacement(world: World = w, overrides: Record<string, unknown> = {}) {
  const id = (
    await world.apLead.post('/api/placements', {
      pupilId: world.pupilId,
      providerId: world.approvedId,
      type: 'commissioned_ap',
      reason: 'Vocational',
    })
  ).json().id as string;
  const saved = await world.apLead.put(`/api/placements/${id}/plan`, plan(1, overrides));
  if (saved.statusCode !== 200) throw new Error(`The plan was not saved: ${saved.body}`);
  const sent = await world.apLead.post(`/api/placements/${id}/send-referral`);
  if (sent.json().blockers?.length !== 0) throw new Error(`The plan is not ready: ${sent.body}`);
  return id;
}

async function activePlacement(world: World = w) {
  const id = await plannedPlacement(world);
  const started = await world.apLead.post(`/api/placements/${id}/start`);
  if (started.json().status !== 'active') throw new Error(`Not started: ${started.body}`);
  return id;
}

/** A database and clock of the test's own, closed afterwards. */
async function withOwnClock(test: (world: World) => Promise<void>) {
  const own = await createTestApp();
  try {
    await test(await worldOf(own));
  } finally {
    await own.close();
  }
}

describe('a placement from referral to destination', () => {
  it('a referral to an unapproved provider cannot start, and says why', async () => {
    const { apLead, pupilId } = w;
    const referral = await apLead.post('/api/placements', {
      pupilId,
      providerId: w.draftProviderId,
      type: 'commissioned_ap',
      reason: 'Needs a smaller setting',
    });
    expect(referral.statusCode).toBe(201);
    const id = referral.json().id;
    await apLead.put(`/api/placements/${id}/plan`, plan(1));
    const start = await apLead.post(`/api/placements/${id}/start`);
    expect(start.statusCode).toBe(409);
    expect(start.json().error.fields).toEqual([
      {
        path: 'providerId',
        message: 'The provider is not approved (Draft): a placement can start only with an approved provider',
      },
    ]);
  });

  it('refuses a plan with the end before the start, and a second save from an old version', async () => {
    const { apLead, pupilId } = w;
    const placementId = (
      await apLead.post('/api/placements', {
        pupilId,
        providerId: w.approvedId,
        type: 'commissioned_ap',
        reason: 'Vocational',
      })
    ).json().id;
    const backwards = await apLead.put(
      `/api/placements/${placementId}/plan`,
      plan(1, { plannedEndOn: '2026-01-01' }),
    );
    expect(backwards.json().error.fields).toEqual([
      { path: 'plannedEndOn', message: 'The planned end is before the start' },
    ]);
    const saved = await apLead.put(`/api/placements/${placementId}/plan`, plan(1, { sessions: [] }));
    expect(saved.json()).toMatchObject({ version: 2, hoursPerWeek: 0 });
    expect(saved.json().blockers).toEqual([
      {
        path: 'referralSent',
        message: 'Send the referral to the provider: until you do, they know nothing of the pupil',
      },
      { path: 'sessions', message: 'Choose at least one session at the provider in the timetable' },
    ]);
    const stale = await apLead.put(`/api/placements/${placementId}/plan`, plan(1));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('placements.changed_since_opened');
    const current = await apLead.put(`/api/placements/${placementId}/plan`, plan(2));
    expect(current.json()).toMatchObject({
      version: 3,
      hoursPerWeek: 8.5,
      blockers: [
        {
          path: 'referralSent',
          message: 'Send the referral to the provider: until you do, they know nothing of the pupil',
        },
      ],
      registration: { code: 'B' },
    });
  });

  it('starts, scheduling a review in each half-term it runs through', async () => {
    const { apLead } = w;
    const placementId = await plannedPlacement();
    const started = await apLead.post(`/api/placements/${placementId}/start`);
    expect(started.json().status).toBe('active');
    expect(
      started
        .json()
        .reviews.map((r: { halfTerm: string; dueOn: string; state: string }) => [
          r.halfTerm,
          r.dueOn,
          r.state,
        ]),
    ).toEqual([
      ['Spring 1 2025/26', '2026-02-13', 'due'],
      ['Spring 2 2025/26', '2026-03-27', 'due'],
    ]);
    expect((await apLead.post(`/api/placements/${placementId}/start`)).json().error.code).toBe(
      'placements.wrong_status',
    );
    const future = await apLead.post(`/api/placements/${placementId}/communications`, {
      kind: 'call',
      occurredOn: '2026-02-01',
      withWhom: 'Hana Reid, Harbour Learning',
      summary: 'First week went well',
    });
    expect(future.json().error.fields).toEqual([
      { path: 'occurredOn', message: 'This date is in the future' },
    ]);
    const called = await apLead.post(`/api/placements/${placementId}/communications`, {
      kind: 'call',
      occurredOn: '2026-01-12',
      withWhom: 'Hana Reid, Harbour Learning',
      summary: 'Agreed the induction visit',
      followUp: 'Send the risk assessment',
    });
    expect(called.json().communications).toEqual([
      expect.objectContaining({
        kind: 'call',
        withWhom: 'Hana Reid, Harbour Learning',
        followUp: 'Send the risk assessment',
      }),
    ]);
    const informed = await apLead.post(`/api/placements/${placementId}/local-authority`, {
      on: '2026-01-19',
      how: 'Email to the LA alternative provision team',
    });
    expect(informed.json().error.fields).toEqual([{ path: 'on', message: 'This date is in the future' }]);
    const told = await apLead.post(`/api/placements/${placementId}/local-authority`, {
      on: '2026-01-12',
      how: 'Email to the LA alternative provision team',
    });
    expect(told.json().laInformedOn).toBe('2026-01-12');
  });

  it('a review that changes provision materially for a pupil with an EHCP flags an EHCP review', async () => {
    const { apLead, otherLead } = w;
    const placementId = await activePlacement();
    const view = (await apLead.get(`/api/placements/${placementId}`)).json();
    const reviewId = view.reviews[0].id;
    const incomplete = await apLead.post(`/api/placements/${placementId}/reviews/${reviewId}`, {
      completedOn: '2026-02-10',
      progress: [],
      attendancePercent: 92,
      behaviour: '',
      pupilView: 'Enjoying the workshop',
      parentView: 'Much happier',
      decision: 'adjust_plan',
      materialChange: true,
    });
    expect(incomplete.json().error.fields).toEqual([
      { path: 'behaviour', message: 'Enter a summary of behaviour' },
    ]);
    const reviewed = await apLead.post(`/api/placements/${placementId}/reviews/${reviewId}`, {
      completedOn: '2026-02-10',
      progress: [
        { targetId: 'o1', progress: 'Attended 92% of sessions', evidence: 'Provider register' },
        { targetId: 'r1', progress: 'Not started yet', evidence: '' },
      ],
      attendancePercent: 92,
      behaviour: 'Two minor incidents, both resolved the same day',
      pupilView: 'Enjoying the workshop',
      parentView: 'Much happier',
      decision: 'adjust_plan',
      materialChange: true,
    });
    const first = reviewed.json().reviews[0];
    expect(first).toMatchObject({ state: 'done', ehcpReviewRequired: true, decision: 'adjust_plan' });
    expect(reviewed.json().timeline[0].what).toContain('EHCP review required');
    const { tasks } = (await apLead.get('/api/placements/ehcp-reviews')).json();
    expect(tasks).toEqual([
      expect.objectContaining({
        pupilName: 'Jordan Reeve',
        localAuthority: 'Liverpool',
        source: 'review',
        flagId: reviewId,
      }),
    ]);
    expect((await otherLead.get('/api/placements/ehcp-reviews')).json().tasks).toEqual([]);
    const arranged = await apLead.post(`/api/placements/${placementId}/reviews/${reviewId}/ehcp-review`, {
      arrangedOn: '2026-01-12',
      note: 'Interim review requested from Liverpool SEN team',
    });
    expect(arranged.json().reviews[0].ehcpReviewArrangedOn).toBe('2026-01-12');
    expect((await apLead.get('/api/placements/ehcp-reviews')).json().tasks).toEqual([]);
  });

  it('shows the next review overdue once its day has passed', () =>
    withOwnClock(async (world) => {
      const placementId = await activePlacement(world);
      const reviews = async (client: TestClient) =>
        (await client.get(`/api/placements/${placementId}`))
          .json()
          .reviews.map((r: { state: string }) => r.state);
      expect(await reviews(world.apLead)).toEqual(['due', 'due']);
      world.app.advanceMinutes(60 * 24 * 77); // to 30 March 2026; sessions have ended, so sign in again
      const apLead = await signedInClient(world.app.app, world.emails.lead);
      expect((await reviews(apLead))[1]).toBe('overdue');
    }));

  it('shares the risk assessment with the provider, who sees only that, and only its own placements', async () => {
    const { apLead, pupilId, trust, approvedId, draftProviderId } = w;
    const placementId = await activePlacement();
    const { body, contentType } = multipartBody(
      { kind: 'risk_assessment', title: 'Risk assessment', documentDate: '2026-01-10' },
      { name: 'risk.pdf', type: 'application/pdf', content: samplePdf },
    );
    const uploaded = await apLead.request('POST', `/api/pupils/${pupilId}/documents`, body, {
      'content-type': contentType,
    });
    expect(uploaded.statusCode).toBe(201);
    const profile = multipartBody(
      { kind: 'pupil_profile', title: 'Pupil profile', documentDate: '' },
      { name: 'profile.pdf', type: 'application/pdf', content: samplePdf },
    );
    const both = (
      await apLead.request('POST', `/api/pupils/${pupilId}/documents`, profile.body, {
        'content-type': profile.contentType,
      })
    ).json().documents;
    const risk = both.find((d: { kind: string }) => d.kind === 'risk_assessment');
    const tomorrow = await apLead.post(`/api/placements/${placementId}/shares`, {
      what: 'Current risk assessment',
      method: 'Secure email',
      sharedOn: '2026-01-13',
      documentId: null,
    });
    expect(tomorrow.json().error.fields).toEqual([
      { path: 'sharedOn', message: 'This date is in the future' },
    ]);
    const notMine = await apLead.post(`/api/placements/${placementId}/shares`, {
      what: 'Something',
      method: 'Secure email',
      sharedOn: '2026-01-12',
      documentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(notMine.json().error.fields).toEqual([
      { path: 'documentId', message: 'Choose one of this pupil’s documents' },
    ]);
    const shared = await apLead.post(`/api/placements/${placementId}/shares`, {
      what: 'Current risk assessment',
      method: 'Secure email',
      sharedOn: '2026-01-12',
      documentId: risk.id,
    });
    // The risk assessment, and the referral itself as it was sent.
    expect(shared.json().shared).toEqual([
      expect.objectContaining({
        what: 'Current risk assessment',
        document: expect.objectContaining({ title: 'Risk assessment' }),
      }),
      expect.objectContaining({
        what: expect.stringMatching(/^The referral: Jordan Reeve, Year/),
        document: null,
      }),
    ]);

    const staff = await buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: approvedId }],
    });
    const portal = await signedInClient(t.app, staff.email);
    const { placements } = (await portal.get('/api/portal/placements')).json();
    expect(placements.map((p: { id: string; pupilName: string }) => [p.id, p.pupilName])).toContainEqual([
      placementId,
      'Jordan Reeve',
    ]);
    const one = (await portal.get(`/api/portal/placements/${placementId}`)).json();
    expect(one.shared).toHaveLength(2);
    expect(JSON.stringify(one)).not.toContain('EHCP');
    const file = await portal.get(`/api/portal/placements/${placementId}/shared/${one.shared[0].id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await portal.get(`/api/pupils/${pupilId}`)).statusCode).toBe(403);
    expect((await portal.get(`/api/pupils/${pupilId}/documents/${risk.id}/file`)).statusCode).toBe(403);

    const elsewhere = await buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: draftProviderId }],
    });
    const otherPortal = await signedInClient(t.app, elsewhere.email);
    expect((await otherPortal.get(`/api/portal/placements/${placementId}`)).statusCode).toBe(404);
    expect(
      (await otherPortal.get(`/api/portal/placements/${placementId}/shared/${one.shared[0].id}/file`))
        .statusCode,
    ).toBe(404);
  });

  it('refuses a start, or a timetable change, that would make an unregistered provider need registration', async () => {
    const { apLead, pupilId } = w;
    const approvedId = await approvedProvider(apLead, w.head, { name: 'Full Day Skills', ukprn: '10088888' });
    const id = (
      await apLead.post('/api/placements', {
        pupilId,
        providerId: approvedId,
        type: 'commissioned_ap',
        reason: 'Full-time course',
      })
    ).json().id;
    const week = (hours: [number, number, number, number]) =>
      (['mon', 'tue', 'wed', 'thu'] as const).map((day, i) => ({ day, session: 'am', hours: hours[i] }));
    const version = async () => (await apLead.get(`/api/placements/${id}`)).json().version as number;
    // Exactly 18 hours a week is full time: with this pupil (who has an EHCP) the provider would have to
    // be registered as an independent school, and it is not.
    await apLead.put(
      `/api/placements/${id}/plan`,
      plan(1, { startsOn: '2026-04-13', plannedEndOn: '2026-07-17', sessions: week([4.5, 4.5, 4.5, 4.5]) }),
    );
    await apLead.post(`/api/placements/${id}/send-referral`);
    const refused = await apLead.post(`/api/placements/${id}/start`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields).toEqual([
      {
        path: 'sessions',
        message: expect.stringContaining(
          '1 full-time pupil of compulsory school age, 1 looked after or with an EHCP, counting this one',
        ),
      },
    ]);
    const provider = async () => (await apLead.get(`/api/providers/${approvedId}`)).json();
    expect((await apLead.get(`/api/placements/${id}`)).json().status).toBe('referral');
    expect((await provider()).status).toBe('approved');

    // Just under 18 hours it starts, and the provider stays approved.
    await apLead.put(
      `/api/placements/${id}/plan`,
      plan(await version(), {
        startsOn: '2026-04-13',
        plannedEndOn: '2026-07-17',
        sessions: week([5, 5, 5, 2.5]),
      }),
    );
    const started = (await apLead.post(`/api/placements/${id}/start`)).json();
    expect(started).toMatchObject({
      status: 'active',
      hoursPerWeek: 17.5,
      provider: { registrationAlarm: false },
    });

    // Moving it to 18 hours is refused, and nothing changes.
    const before = await version();
    const changed = await apLead.put(
      `/api/placements/${id}/plan`,
      plan(before, {
        startsOn: '2026-04-13',
        plannedEndOn: '2026-07-17',
        sessions: week([4.5, 4.5, 4.5, 4.5]),
      }),
    );
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.fields[0]).toMatchObject({
      path: 'sessions',
      message: expect.stringContaining('would have to be registered as an independent school'),
    });
    const after = (await apLead.get(`/api/placements/${id}`)).json();
    expect([after.version, after.hoursPerWeek]).toEqual([before, 17.5]);
    expect((await provider()).status).toBe('approved');
    // A part-time pupil is not counted at all: nothing for the test to find.
    expect((await provider()).registration).toBeNull();
  });

  it('ends with an outcome, then tracks the destination with the six-month rule', () =>
    withOwnClock(async (world) => {
      const placementId = await activePlacement(world);
      world.app.advanceMinutes(60 * 24 * 77); // to 30 March 2026, after the planned end
      let apLead = await signedInClient(world.app.app, world.emails.lead);
      const early = await apLead.post(`/api/placements/${placementId}/end`, {
        endedOn: '2026-01-01',
        reason: 'Plan complete',
        outcome: 'returned_to_school',
      });
      expect(early.json().error.fields).toEqual([
        { path: 'endedOn', message: 'The end date is before the placement started' },
      ]);
      const ended = await apLead.post(`/api/placements/${placementId}/end`, {
        endedOn: '2026-03-27',
        reason: 'Plan complete; moving on to college',
        outcome: 'post_16',
      });
      expect(ended.json()).toMatchObject({ status: 'ended', outcome: 'post_16' });
      const tooSoon = await apLead.put(`/api/placements/${placementId}/destination`, {
        destinationYearStarts: 2026,
        months: { '2026-10': 'education' },
      });
      expect(tooSoon.json().error.fields).toEqual([
        { path: 'months.2026-10', message: '2026-10 has not happened yet: record it once it has' },
      ]);
      world.app.advanceMinutes(60 * 24 * 380); // to April 2027, when October to March is known
      apLead = await signedInClient(world.app.app, world.emails.lead);
      const outside = await apLead.put(`/api/placements/${placementId}/destination`, {
        destinationYearStarts: 2026,
        months: { '2026-07': 'education' },
      });
      expect(outside.json().error.fields).toEqual([
        {
          path: 'months.2026-07',
          message: '2026-07 is not in the destination year August 2026 to July 2027',
        },
      ]);
      // October idle, November and December in work: five of six months in work is still possible.
      const partial = await apLead.put(`/api/placements/${placementId}/destination`, {
        destinationYearStarts: 2026,
        months: { '2026-10': 'none', '2026-11': 'employment', '2026-12': 'employment' },
      });
      expect(partial.json().destination).toMatchObject({ outcome: null });
      const months = Object.fromEntries(
        ['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03'].map((m) => [m, 'education']),
      );
      const destination = await apLead.put(`/api/placements/${placementId}/destination`, {
        destinationYearStarts: 2026,
        description: 'Level 1 motor vehicle, Riverside College',
        months,
      });
      expect(destination.json().destination).toMatchObject({ outcome: 'sustained_education' });
    }));

  it('keeps placements to the pupil’s school', async () => {
    const { otherLead, pupilId, approvedId } = w;
    const placementId = await activePlacement();
    expect((await otherLead.get(`/api/placements/${placementId}`)).statusCode).toBe(404);
    expect((await otherLead.get('/api/placements')).json().placements).toEqual([]);
    const referral = await otherLead.post('/api/placements', {
      pupilId,
      providerId: approvedId,
      type: 'commissioned_ap',
      reason: 'Not my pupil',
    });
    expect(referral.statusCode).toBe(404);
  });
});

describe('an off-site direction', () => {
  it('starts on the earliest day its notice allows, and not the day before', async () => {
    const { apLead, pupilId, approvedId } = w;
    const direction = async (startsOn: string) => {
      const id = (
        await apLead.post('/api/placements', {
          pupilId,
          providerId: approvedId,
          type: 'off_site_direction',
          reason: 'Behaviour has not improved with in-school support',
        })
      ).json().id as string;
      // Notice given today, Monday 12 January: Tuesday and Wednesday are the clear days.
      const saved = await apLead.put(
        `/api/placements/${id}/plan`,
        plan(1, { startsOn, plannedEndOn: '2026-02-06', maximumDays: 15, noticeGivenOn: '2026-01-12' }),
      );
      expect(saved.statusCode, saved.body).toBe(200);
      await apLead.post(`/api/placements/${id}/send-referral`);
      return apLead.post(`/api/placements/${id}/start`);
    };
    const early = await direction('2026-01-14');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.fields).toEqual([
      {
        path: 'startsOn',
        message:
          'The notice went on 12 Jan 2026: an off-site direction can start on 15 Jan 2026 at the earliest (two clear school days)',
      },
    ]);
    const onTime = await direction('2026-01-15');
    expect(onTime.json()).toMatchObject({
      status: 'active',
      type: 'off_site_direction',
      startsOn: '2026-01-15',
    });
  });

  it('needs a maximum period and a notice two clear school days before; the notice is a PDF with what the law asks', async () => {
    const { apLead, pupilId, approvedId } = w;
    const id = (
      await apLead.post('/api/placements', {
        pupilId,
        providerId: approvedId,
        type: 'off_site_direction',
        reason: 'Behaviour has not improved with in-school support',
      })
    ).json().id;
    const view = (await apLead.get(`/api/placements/${id}`)).json();
    const early = await apLead.put(
      `/api/placements/${id}/plan`,
      plan(view.version, {
        startsOn: '2027-05-04',
        plannedEndOn: '2027-05-28',
        maximumDays: 20,
        noticeGivenOn: '2027-04-29',
      }),
    );
    // Notice on Thursday 29 April 2027: Friday 30th and (after the bank holiday) Tuesday 4 May are the clear days.
    expect(early.json().blockers).toContainEqual({
      path: 'startsOn',
      message:
        'The notice went on 29 Apr 2027: an off-site direction can start on 5 May 2027 at the earliest (two clear school days)',
    });
    const noTimes = await apLead.get(`/api/placements/${id}/off-site-notice?to=parents`);
    expect(noTimes.json().error.code).toBe('placements.notice_needs_times');
    const timed = [
      { day: 'mon', session: 'am', hours: 3, startsAt: '09:00', endsAt: '12:00' },
      { day: 'tue', session: 'am', hours: 3, startsAt: '09:00', endsAt: '12:00' },
      { day: 'wed', session: 'pm', hours: 2.5, startsAt: '13:00', endsAt: '15:30' },
    ];
    const directed = (version: number, startsOn: string) =>
      apLead.put(
        `/api/placements/${id}/plan`,
        plan(version, {
          startsOn,
          plannedEndOn: '2027-05-28',
          maximumDays: 20,
          noticeGivenOn: '2027-04-29',
          sessions: timed,
        }),
      );
    const wrongHours = await apLead.put(
      `/api/placements/${id}/plan`,
      plan(view.version + 1, { sessions: [{ ...timed[0], endsAt: '11:00' }] }),
    );
    expect(wrongHours.json().error.fields).toEqual([
      { path: 'sessions.0.hours', message: '09:00 to 11:00 is 2 hours, not 3' },
    ]);
    expect((await directed(view.version + 1, '2027-05-04')).statusCode).toBe(200);
    // A notice too late for its first day is not printed as if it were on time.
    const late = await apLead.get(`/api/placements/${id}/off-site-notice?to=parents`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: 'placements.notice_too_late',
      message:
        'A notice given on 29 Apr 2027 allows a first day of 5 May 2027 at the earliest (two clear school days), not 4 May 2027: move the first day or give the notice sooner.',
    });
    expect((await directed(view.version + 2, '2027-05-05')).statusCode).toBe(200);
    const pdf = await apLead.get(`/api/placements/${id}/off-site-notice?to=parents`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const expected of [
      'Section 29A',
      'Kerry Reeve',
      'Harbour Learning',
      'Report to',
      'Hana Reid',
      'Thursday 29 April 2027',
      'Wednesday 5 May 2027',
      'Friday 28 May 2027',
      // Wednesday 5 May to Friday 28 May on Mondays, Tuesdays and Wednesdays: the days it really has.
      '10 days at Harbour Learning',
      'The most days agreed',
      'Monday 09:00 to 12:00',
      'Wednesday 13:00 to 15:30',
      'right to a review',
      '10 weeks',
    ])
      expect(text).toContain(expected);
    expect(text).not.toMatch(/2027-0\d-\d\d/);
    const toLa = await apLead.get(`/api/placements/${id}/off-site-notice?to=local_authority`);
    expect(await pdfText(toLa.rawPayload)).toContain('Liverpool');
    const notDirection = await plannedPlacement();
    expect((await apLead.get(`/api/placements/${notDirection}/off-site-notice`)).json().error.code).toBe(
      'placements.not_off_site_direction',
    );
  });

  it('is reviewed by the governing board when the parents ask, unless it was in the last 10 weeks', () =>
    withOwnClock(async (world) => {
      const id = (
        await world.apLead.post('/api/placements', {
          pupilId: world.pupilId,
          providerId: world.approvedId,
          type: 'off_site_direction',
          reason: 'Behaviour has not improved with in-school support',
        })
      ).json().id as string;
      await world.apLead.put(
        `/api/placements/${id}/plan`,
        plan(1, {
          startsOn: '2026-01-15',
          plannedEndOn: '2026-03-27',
          maximumDays: 45,
          noticeGivenOn: '2026-01-12',
        }),
      );
      await world.apLead.post(`/api/placements/${id}/send-referral`);
      expect((await world.apLead.post(`/api/placements/${id}/start`)).json().status).toBe('active');
      world.app.advanceMinutes(60 * 24 * 21); // to Monday 2 February 2026; sign in again
      const apLead = await signedInClient(world.app.app, world.emails.lead);
      const head = await signedInClient(world.app.app, world.emails.head);
      const record = (client: TestClient, body: Record<string, unknown>, placementId = id) =>
        client.post(`/api/placements/${placementId}/direction-reviews`, body);
      const boardItems = async () =>
        ((await head.get('/api/obligations')).json().items as { kind: string; title: string }[]).filter(
          (i) => i.kind === 'off_site_direction_review',
        );

      const asked = await record(apLead, {
        kind: 'requested',
        on: '2026-02-02',
        requestedBy: 'parents',
        note: 'Letter from his mother',
      });
      expect(asked.statusCode, asked.body).toBe(200);
      expect(asked.json().directionReviews.requests).toEqual([
        expect.objectContaining({
          requestedOn: '2026-02-02',
          requestedBy: 'parents',
          state: 'to_hold',
          lastHeldOn: null,
        }),
      ]);
      expect(await boardItems()).toEqual([
        expect.objectContaining({
          title: "Governing board review of Jordan Reeve's off-site direction, asked for on 2 Feb 2026",
        }),
      ]);

      const held = await record(apLead, {
        kind: 'held',
        on: '2026-02-02',
        outcome: 'continue',
        note: 'Attendance and behaviour are improving at the provider',
      });
      expect(held.json().directionReviews).toMatchObject({
        requests: [{ state: 'held', lastHeldOn: '2026-02-02' }],
        held: [{ heldOn: '2026-02-02', outcome: 'continue' }],
      });
      expect(await boardItems()).toEqual([]);

      // Bad input changes nothing, and says which field is wrong.
      const problems = async (body: Record<string, unknown>, placementId = id) => {
        const reply = await record(apLead, body, placementId);
        return [reply.statusCode, reply.json().error.code, reply.json().error.fields ?? null];
      };
      expect(await problems({ kind: 'requested', on: '2026-02-03', requestedBy: 'parents' })).toEqual([
        400,
        'placements.future_date',
        [{ path: 'on', message: 'This date is in the future' }],
      ]);
      expect(await problems({ kind: 'requested', on: '2026-01-14', requestedBy: 'parents' })).toEqual([
        400,
        'placements.before_direction',
        [{ path: 'on', message: 'The direction started on 15 Jan 2026: this date is before it' }],
      ]);
      expect((await problems({ kind: 'requested', on: '2026-02-02', requestedBy: 'pupil' }))[2]).toEqual([
        { path: 'requestedBy', message: 'Say who asked: the parents, or the local authority' },
      ]);
      const commissioned = await activePlacement({ ...world, apLead });
      expect(
        await problems({ kind: 'requested', on: '2026-02-02', requestedBy: 'parents' }, commissioned),
      ).toEqual([409, 'placements.not_a_direction', null]);
      const other = await signedInClient(world.app.app, world.emails.other);
      expect(
        (await record(other, { kind: 'requested', on: '2026-02-02', requestedBy: 'parents' })).statusCode,
      ).toBe(404);
      const after = (await apLead.get(`/api/placements/${id}`)).json().directionReviews;
      expect([after.requests.length, after.held.length]).toEqual([1, 1]);

      // Asked again the next day: the board reviewed it yesterday, so no new review is owed.
      world.app.advanceMinutes(60 * 24);
      const nextDay = await signedInClient(world.app.app, world.emails.lead);
      const again = await record(nextDay, { kind: 'requested', on: '2026-02-03', requestedBy: 'parents' });
      expect(again.json().directionReviews.requests[1]).toMatchObject({
        requestedOn: '2026-02-03',
        state: 'not_required',
        lastHeldOn: '2026-02-02',
      });
    }));
});
