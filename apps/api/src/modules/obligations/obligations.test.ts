import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { createClient, signedInClient, type TestClient } from '../../test/http-client.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { pupilBody, upnFor } from '../../test/pupil-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London.
let t: TestApp;
let lead: TestClient;
let dsl: TestClient;
let officer: TestClient;
let otherLead: TestClient;
let placementId: string;
let providerId: string;
let trust: Awaited<ReturnType<typeof buildTrust>>;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// Each test has a trust of its own, built the same way: what is due depends on every record at a
// school, so one test's review or notice must not change another's list.
beforeEach(async () => {
  trust = await buildTrust(t.database.db);
  const user = (
    role: 'ap_lead' | 'headteacher' | 'dsl' | 'attendance_officer',
    schoolId = trust.schoolA.id,
  ) =>
    buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role, scopeType: 'school', scopeId: schoolId }],
    });
  lead = await signedInClient(t.app, (await user('ap_lead')).email);
  const head = await signedInClient(t.app, (await user('headteacher')).email);
  dsl = await signedInClient(t.app, (await user('dsl')).email);
  officer = await signedInClient(t.app, (await user('attendance_officer')).email);
  otherLead = await signedInClient(t.app, (await user('ap_lead', trust.schoolB.id)).email);
  providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  ({ placementId } = await activePlacement(lead, { schoolId: trust.schoolA.id, providerId }));
  const staff = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
  });
  const portal = await signedInClient(t.app, staff.email);
  // An unexplained absence today, and a safeguarding concern.
  await portal.post('/api/portal/register', {
    date: '2026-01-12',
    session: 'am',
    marks: [{ placementId, mark: 'absent' }],
  });
  await portal.post('/api/portal/incidents', {
    placementId,
    kind: 'safeguarding_concern',
    occurredAt: '2026-01-12T09:00',
    location: 'Yard',
    whatHappened: 'A disclosure at break',
    immediateActions: 'Told the DSL by phone',
  });
});

type Item = { kind: string; urgency: string; link: string; title: string; forOthers: boolean };
const board = async (client: TestClient) => (await client.get('/api/obligations')).json();
const kindsOf = (items: Item[]) => [...new Set(items.map((i) => i.kind))].sort();

describe('what is due', () => {
  it('gives the AP lead the placement, attendance, QA, voice and provider duties, overdue first', async () => {
    const { items, counts } = await board(lead);
    expect(kindsOf(items)).toEqual([
      'first_day_call',
      'intervention',
      'placement_review',
      'provider_renewal',
      'qa_visit',
      'unresolved_n',
      'voice_request',
    ]);
    // The calls, the N and the intervention are the attendance officer's: listed for others, after.
    expect(items.filter((i: Item) => i.forOthers).map((i: Item) => i.kind)).toEqual([
      'first_day_call',
      'intervention',
      'unresolved_n',
    ]);
    expect(items.findIndex((i: Item) => i.forOthers)).toBe(items.length - 3);
    expect(counts.forOthers).toBe(3);
    const own = items.filter((i: Item) => !i.forOthers);
    expect(counts.overdue + counts.today + counts.thisWeek + counts.later).toBe(own.length);
    const urgencies = own.map((i: Item) => i.urgency);
    expect(urgencies).toEqual(
      [...urgencies].sort(
        (a: string, b: string) =>
          ['overdue', 'today', 'this_week', 'later'].indexOf(a) -
          ['overdue', 'today', 'this_week', 'later'].indexOf(b),
      ),
    );
    // The termly filtering assurance has been due since the term began.
    expect(items[0]).toMatchObject({
      kind: 'provider_renewal',
      urgency: 'overdue',
      title: 'Harbour Learning: Filtering and monitoring assurance for Spring 2026',
    });
    expect(items.find((i: Item) => i.kind === 'placement_review')).toMatchObject({
      link: `/placements/${placementId}`,
    });
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it('lists what a referral starting within ten school days still needs, and nothing for one further off', async () => {
    let n = 0;
    const referral = async (startsOn: string) => {
      const { uln: _none, ...body } = pupilBody(trust.schoolA.id, { upn: upnFor(900 + n++) });
      const pupilId = (await lead.post('/api/pupils', body)).json().id;
      const id = (
        await lead.post('/api/placements', {
          pupilId,
          providerId,
          type: 'commissioned_ap',
          reason: 'Vocational',
        })
      ).json().id as string;
      // Planned, but with no agreement with the family and no reintegration target yet.
      const saved = await lead.put(`/api/placements/${id}/plan`, {
        version: 1,
        reason: 'Vocational',
        startsOn,
        plannedEndOn: '2026-03-27',
        agreement: null,
        objectives: [{ id: 'o1', text: 'Attend', timeline: 'Spring', successCriteria: '95%' }],
        reintegrationTargets: [],
        sessions: [{ day: 'tue', session: 'am', hours: 3 }],
      });
      expect(saved.statusCode).toBe(200);
      return id;
    };
    // From Monday 12 January, Monday 26 January is ten school days on; 27 January eleven.
    const soon = await referral('2026-01-26');
    const later = await referral('2026-01-27');
    const checks = (await board(lead)).items.filter((i: Item) => i.kind === 'referral_check');
    expect(checks.map((i: Item & { dueOn: string }) => [i.link, i.dueOn])).toEqual([
      [`/placements/${soon}`, '2026-01-26'],
      [`/placements/${soon}`, '2026-01-26'],
      [`/placements/${soon}`, '2026-01-26'],
    ]);
    expect(checks.map((i: Item) => i.title.slice(i.title.indexOf(': ') + 2)).sort()).toEqual([
      'Agree at least one reintegration target before the placement starts (policy §12)',
      'Record the discussion with the pupil and parents and their agreement',
      'Send the referral to the provider: until you do, they know nothing of the pupil',
    ]);
    expect(checks.some((i: Item) => i.link.endsWith(later))).toBe(false);
  });

  it('gives the attendance officer the call and the intervention today, and the N to resolve in five school days', async () => {
    const { items } = await board(officer);
    expect(items.map((i: Item) => [i.kind, i.urgency])).toEqual([
      ['first_day_call', 'today'],
      ['intervention', 'today'],
      ['unresolved_n', 'this_week'],
    ]);
    expect(items[2].dueOn).toBe('2026-01-19');
  });

  it('gives the DSL the concern to triage; the AP lead does not get it', async () => {
    const { items } = await board(dsl);
    expect(items).toEqual([expect.objectContaining({ kind: 'incident_triage', urgency: 'today' })]);
    expect(kindsOf((await board(lead)).items)).not.toContain('incident_triage');
  });

  it("gives the headteacher the term's governors' report, due on its last day", async () => {
    const head = await signedInClient(
      t.app,
      (
        await buildUser(t.database.db, {
          groupId: trust.group.id,
          roles: [{ role: 'headteacher', scopeType: 'school', scopeId: trust.schoolA.id }],
        })
      ).email,
    );
    const { items } = await board(head);
    expect(items.find((i: Item) => i.kind === 'governors_report')).toMatchObject({
      title: 'Alder School: the spring 2025/26 report to governors',
      dueOn: '2026-03-27',
      link: '/reports/governors',
    });
  });

  it('brings a dated reintegration target on two weeks ahead, and asks for a new letter after a change of DSL', async () => {
    const version = (await lead.get(`/api/placements/${placementId}`)).json().version;
    const plan = await lead.put(`/api/placements/${placementId}/plan`, {
      version,
      reason: 'Vocational',
      startsOn: '2026-01-12',
      plannedEndOn: '2026-03-27',
      agreement: {
        discussedOn: '2026-01-08',
        withWhom: 'Jordan and his mother',
        how: 'Meeting',
        agreed: true,
      },
      objectives: [{ id: 'o1', text: 'Attend', timeline: 'Spring', successCriteria: '95%' }],
      reintegrationTargets: [
        {
          id: 'r1',
          text: 'Maths at school',
          timeline: 'Summer',
          targetDate: '2026-01-23',
          post16Link: 'College',
        },
        { id: 'r2', text: 'Full days at school', timeline: 'Summer', targetDate: '2026-03-20' },
      ],
      sessions: [{ day: 'mon', session: 'am', hours: 3 }],
    });
    expect(plan.statusCode).toBe(200);
    let { items } = await board(lead);
    expect(items.filter((i: Item) => i.kind === 'reintegration_target')).toEqual([
      expect.objectContaining({
        title: "Jordan Reeve's reintegration target: Maths at school",
        dueOn: '2026-01-23',
        urgency: 'later',
        link: `/placements/${placementId}`,
      }),
    ]);
    expect(kindsOf(items)).not.toContain('provider_letter_after_change');
    t.advanceMinutes(30); // the change comes after the letter on file
    const notice = await lead.post(`/api/providers/${providerId}/notices`, {
      kind: 'dsl_change',
      effectiveOn: '2026-01-12',
      details: 'Sam Patel is the new DSL',
      newPerson: { name: 'Sam Patel' },
    });
    expect(notice.statusCode).toBe(201);
    ({ items } = await board(lead));
    expect(items.find((i: Item) => i.kind === 'provider_letter_after_change')).toMatchObject({
      dueOn: '2026-01-12',
      urgency: 'today',
      link: `/providers/${providerId}`,
    });
  });

  it("shows one school's part or the group's own, the most urgent up to a limit, and refuses a bad limit", async () => {
    const all = await board(lead);
    const group = (await lead.get('/api/obligations?school=group')).json();
    expect(group.items.length).toBeGreaterThan(0);
    expect(group.items.every((i: { schoolId: string | null }) => i.schoolId === null)).toBe(true);
    const one = (await lead.get('/api/obligations?limit=1')).json();
    expect(one.items).toEqual([all.items[0]]);
    expect(one.total).toBe(all.total);
    const bad = await lead.get('/api/obligations?limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toEqual({ path: 'query.limit', message: 'Show at least 1' });
  });

  it('keeps each school to its own duties, with no row across the group for one school’s staff', async () => {
    const { items, perSchool } = await board(otherLead);
    expect(items.filter((i: Item & { schoolName: string | null }) => i.schoolName !== null)).toEqual([]);
    // The group's duties (the provider's renewals) are on the board, but not as a row of their own.
    expect(items.some((i: Item & { schoolId: string | null }) => i.schoolId === null)).toBe(true);
    expect(perSchool).toEqual([]);
  });

  it('publishes the same duties as a private calendar feed that can be revoked', async () => {
    const { url } = (await lead.post('/api/account/calendar-feed', {})).json();
    const path = new URL(url).pathname;
    const calendar = createClient(t.app);
    const feed = await calendar.get(path);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const unfolded = feed.body.replace(/\r\n /g, '');
    expect(unfolded).toMatch(/SUMMARY:1 × Half-termly placement review — Alder School\r\n/);
    expect(unfolded).not.toContain('Jordan');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20260213');
    const { url: second } = (await lead.post('/api/account/calendar-feed', {})).json();
    expect((await calendar.get(path)).statusCode).toBe(404);
    expect((await calendar.get(new URL(second).pathname)).statusCode).toBe(200);
    expect((await lead.request('DELETE', '/api/account/calendar-feed')).statusCode).toBe(204);
    expect((await calendar.get(new URL(second).pathname)).statusCode).toBe(404);
    expect((await lead.get('/api/account/calendar-feed')).json()).toEqual({ active: false, createdAt: null });
  });
});

describe("the governors' report", () => {
  const term = 'academicYear=2025/26&term=spring';

  it('gives a school its term in figures, safeguarding as counts only', async () => {
    const [review] = (await lead.get(`/api/placements/${placementId}`)).json().reviews;
    const held = await lead.post(`/api/placements/${placementId}/reviews/${review.id}`, {
      completedOn: '2026-01-12',
      progress: [{ targetId: 'o1', progress: 'Attended the first session', evidence: 'Provider register' }],
      attendancePercent: 0,
      behaviour: 'Settled in well',
      pupilView: 'Likes the workshop',
      parentView: 'Pleased',
      decision: 'continue',
      materialChange: false,
    });
    expect(held.statusCode).toBe(200);
    const report = (
      await lead.get(`/api/reports/governors?scope=school&id=${trust.schoolA.id}&${term}`)
    ).json();
    expect(report).toMatchObject({
      scope: { kind: 'school', name: 'Alder School' },
      term: { from: '2026-01-05', to: '2026-03-27' },
      suppressed: false,
      usage: {
        pupils: 1,
        placements: 1,
        byType: [{ label: 'Commissioned alternative provision', count: 1 }],
      },
      attendance: {
        attendancePercent: 0,
        persistentAbsence: 1,
        severeAbsence: 1,
        firstDayCalls: 1,
        callsClosedOnTheDay: 0,
      },
      safeguarding: { byKind: [{ label: 'Safeguarding concern', count: 1 }], toldSameDayPercent: 100 },
      // One objective, reviewed with progress; one reintegration target, not reviewed yet.
      progress: {
        reviewsHeld: 1,
        objectives: 1,
        objectivesReviewed: 1,
        reintegrationTargets: 1,
        reintegrationTargetsReviewed: 0,
        decisions: [{ label: 'Continue', count: 1 }],
      },
      budget: { academicYear: '2025/26', budgetPence: null, spentToTermEndPence: 0, forecastPence: 0 },
      costs: [{ provider: 'Harbour Learning', placementsWithCost: 0, averagePerPupilPerDayPence: null }],
    });
    expect(JSON.stringify(report)).not.toContain('Jordan');
    expect(JSON.stringify(report)).not.toContain('disclosure');
    // Governors read words, not codes: the provider's status is its label.
    expect(report.providerQuality.providers).toEqual([{ name: 'Harbour Learning', status: 'Approved' }]);
  });

  it('suppresses small numbers for the group, and keeps the group report to those who reach all of it', async () => {
    // One pupil answers the voice form: the school sees the answer's average, the group does not.
    const { requests } = (await lead.get(`/api/placements/${placementId}/voice`)).json();
    const pupilRequest = requests.find((r: { respondent: string }) => r.respondent === 'pupil');
    const link = (await lead.post(`/api/placements/${placementId}/voice/${pupilRequest.id}/link`, {})).json();
    const visitor = createClient(t.app);
    await visitor.get('/api/auth/session');
    const answered = await visitor.post(`/api/voice/forms/${link.url.split('/voice/')[1]}`, {
      answers: { feel: 4, safe: 2, learning: 3, adults: 4, better: '' },
      withStaff: false,
    });
    expect(answered.statusCode).toBe(204);
    const school = (
      await lead.get(`/api/reports/governors?scope=school&id=${trust.schoolA.id}&${term}`)
    ).json();
    expect(school.voice.pupil).toContainEqual(expect.objectContaining({ questionId: 'safe', average: 2 }));

    const admin = await signedInClient(t.app, trust.admin.email);
    const group = (await admin.get(`/api/reports/governors?scope=group&id=${trust.group.id}&${term}`)).json();
    expect(group).toMatchObject({
      suppressed: true,
      usage: { pupils: 'fewer than 5', placements: 'fewer than 5' },
      // Averages and percentages from fewer than five people are hidden like the counts.
      attendance: { attendancePercent: 'fewer than 5' },
      safeguarding: { toldSameDayPercent: 'fewer than 5' },
      voice: { responses: 'fewer than 5' },
    });
    expect(
      group.attendance.bySchool.find((s: { school: string }) => s.school === 'Alder School'),
    ).toMatchObject({
      attendancePercent: 'fewer than 5',
      possible: 'fewer than 5',
    });
    expect(group.voice.pupil).toContainEqual(
      expect.objectContaining({ questionId: 'safe', average: 'fewer than 5', responses: 'fewer than 5' }),
    );
    expect(JSON.stringify(group.voice)).not.toMatch(/"average":\d/);
    expect(
      (await lead.get(`/api/reports/governors?scope=group&id=${trust.group.id}&${term}`)).statusCode,
    ).toBe(404);
    const pdf = await admin.request(
      'GET',
      `/api/reports/governors.pdf?scope=group&id=${trust.group.id}&${term}`,
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('1. Use of alternative provision');
    expect(text).toContain('4. Safeguarding (counts only)');
    expect(text).toContain('Spring term 2025/26');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('not shown (fewer than 5 people)');
    expect(text).not.toMatch(/safe here\?:? ?\d/);
    const summer = (
      await admin.get(
        `/api/reports/governors?scope=group&id=${trust.group.id}&academicYear=2026/27&term=summer`,
      )
    ).json();
    expect(summer).toMatchObject({ empty: true, usage: { placements: 0 } });
  });
});

describe('AP budgets', () => {
  it('sets a budget and shows spend so far and the forecast from placement costs', async () => {
    const head = await signedInClient(
      t.app,
      (
        await buildUser(t.database.db, {
          groupId: trust.group.id,
          roles: [{ role: 'headteacher', scopeType: 'school', scopeId: trust.schoolA.id }],
        })
      ).email,
    );
    await lead.put(`/api/placements/${placementId}/plan`, {
      version: (await lead.get(`/api/placements/${placementId}`)).json().version,
      reason: 'Vocational',
      startsOn: '2026-01-12',
      plannedEndOn: '2026-03-27',
      agreement: {
        discussedOn: '2026-01-08',
        withWhom: 'Jordan and his mother',
        how: 'Meeting',
        agreed: true,
      },
      objectives: [{ id: 'o1', text: 'Attend', timeline: 'Spring', successCriteria: '95%' }],
      reintegrationTargets: [
        { id: 'r1', text: 'Maths at school', timeline: 'Summer', post16Link: 'College' },
      ],
      sessions: [{ day: 'mon', session: 'am', hours: 3 }],
      costPence: 6000,
      costPer: 'session',
    });
    expect(
      (
        await lead.put(`/api/reports/budgets/${trust.schoolA.id}`, {
          academicYear: '2025/26',
          amountPounds: 5000,
        })
      ).statusCode,
    ).toBe(403);
    const negative = await head.put(`/api/reports/budgets/${trust.schoolA.id}`, {
      academicYear: '2025/26',
      amountPounds: -1,
    });
    expect(negative.json().error.fields[0].path).toBe('amountPounds');
    expect(
      (
        await head.put(`/api/reports/budgets/${trust.schoolA.id}`, {
          academicYear: '2025/26',
          amountPounds: 5000,
        })
      ).statusCode,
    ).toBe(204);
    const [alder] = (await head.get('/api/reports/budgets?academicYear=2025/26')).json().budgets;
    // Mondays from 12 January to 27 March, less the February half-term: ten sessions at £60.
    expect(alder).toMatchObject({
      schoolName: 'Alder School',
      budgetPence: 500000,
      spentToDatePence: 6000,
      forecastPence: 60000,
      remainingPence: 440000,
    });
    // The budget table follows the report's choice of schools: a region, the group, or one school.
    const admin = await signedInClient(t.app, trust.admin.email);
    const schoolsFor = async (client: TestClient, query: string) => {
      const response = await client.get(`/api/reports/budgets?academicYear=2025/26${query}`);
      return response.statusCode === 200
        ? response.json().budgets.map((b: { schoolName: string }) => b.schoolName)
        : response.statusCode;
    };
    expect(await schoolsFor(admin, '')).toEqual(['Alder School', 'Birch School']);
    expect(await schoolsFor(admin, `&scope=group&id=${trust.group.id}`)).toEqual([
      'Alder School',
      'Birch School',
    ]);
    expect(await schoolsFor(admin, `&scope=region&id=${trust.south.id}`)).toEqual(['Birch School']);
    expect(await schoolsFor(head, `&scope=school&id=${trust.schoolA.id}`)).toEqual(['Alder School']);
    // Beyond the reader's reach, or half a scope, is refused.
    expect(await schoolsFor(head, `&scope=group&id=${trust.group.id}`)).toBe(404);
    expect(await schoolsFor(head, `&scope=school&id=${trust.schoolB.id}`)).toBe(404);
    expect(await schoolsFor(head, '&scope=school')).toBe(400);
    // The term's report sets the same spend against the budget: all ten sessions fall within the term.
    const report = (
      await head.get(
        `/api/reports/governors?scope=school&id=${trust.schoolA.id}&academicYear=2025/26&term=spring`,
      )
    ).json();
    expect(report.budget).toMatchObject({
      budgetPence: 500000,
      spentToTermEndPence: 60000,
      forecastPence: 60000,
    });
    expect(report.costs).toEqual([
      { provider: 'Harbour Learning', placementsWithCost: 1, averagePerPupilPerDayPence: 12000 },
    ]);
    const pdf = pdfText(
      (
        await head.request(
          'GET',
          `/api/reports/governors.pdf?scope=school&id=${trust.schoolA.id}&academicYear=2025/26&term=spring`,
        )
      ).rawPayload,
    );
    expect(pdf).toContain('9. Costs against budget');
    expect(pdf).toContain('£5,000.00');
    expect(pdf).toContain('£120.00');
  });
});
