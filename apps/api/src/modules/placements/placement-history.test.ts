/**
 * History stays true: a started placement's timetable, cost and target change from a day, and the
 * days before it keep the terms they ran on — in the register, the spend, the census and the
 * timeline — while a change to an EHCP pupil's days or hours asks the AP lead for an EHCP review.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { createClient, signedInClient, type TestClient } from '../../test/http-client.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { pupilBody, upnFor } from '../../test/pupil-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// Each test has an app of its own; the clock starts on Monday 12 January 2026 at 09:30.
let t: TestApp;
let lead: TestClient;
let head: TestClient;
let portal: TestClient;
let emails: { lead: string; head: string; portal: string };
let schoolId: string;
let providerId: string;

beforeEach(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  schoolId = trust.schoolA.id;
  const user = async (role: 'ap_lead' | 'headteacher') =>
    (
      await buildUser(t.database.db, {
        groupId: trust.group.id,
        roles: [{ role, scopeType: 'school', scopeId: schoolId }],
      })
    ).email;
  emails = { lead: await user('ap_lead'), head: await user('headteacher'), portal: '' };
  lead = await signedInClient(t.app, emails.lead);
  head = await signedInClient(t.app, emails.head);
  providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  emails.portal = (
    await buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
    })
  ).email;
  portal = await signedInClient(t.app, emails.portal);
});
afterEach(() => t.close());

/** Moves the clock on whole days; sessions lapse overnight, so everyone signs in again. */
async function days(n: number) {
  t.advanceMinutes(n * 24 * 60);
  lead = await signedInClient(t.app, emails.lead);
  head = await signedInClient(t.app, emails.head);
  portal = await signedInClient(t.app, emails.portal);
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const mornings = (list: readonly string[], hours = 4) => list.map((day) => ({ day, session: 'am', hours }));

const plan = (extra: Record<string, unknown> = {}) => ({
  reason: 'Vocational',
  startsOn: '2026-01-12',
  plannedEndOn: '2026-03-27',
  agreement: { discussedOn: '2026-01-08', withWhom: 'Jordan and his mother', how: 'Meeting', agreed: true },
  objectives: [{ id: 'o1', text: 'Attend every morning', timeline: 'Spring', successCriteria: '95%' }],
  reintegrationTargets: [{ id: 'r1', text: 'Maths at school', timeline: 'Summer', post16Link: 'College' }],
  sessions: mornings(weekdays),
  costPence: 10000,
  costPer: 'day',
  ...extra,
});

const notEhcp = { senStatus: 'none', ehcpLocalAuthority: '' };
/** An EHCP pupil in full-time AP would need a registered provider: three-hour mornings keep it part-time. */
const ehcpMornings = { sessions: mornings(weekdays, 3) };

async function startedPlacement(
  n = 1,
  pupil: Record<string, unknown> = notEhcp,
  extra: Record<string, unknown> = {},
) {
  const made = await lead.post('/api/pupils', pupilBody(schoolId, { upn: upnFor(n), ...pupil }));
  expect(made.statusCode, made.body).toBe(201);
  const pupilId = made.json().id;
  const placementId = (
    await lead.post('/api/placements', { pupilId, providerId, type: 'commissioned_ap', reason: 'Vocational' })
  ).json().id as string;
  const saved = await lead.put(`/api/placements/${placementId}/plan`, { version: 1, ...plan(extra) });
  expect(saved.statusCode, saved.body).toBe(200);
  await lead.post(`/api/placements/${placementId}/send-referral`);
  expect((await lead.post(`/api/placements/${placementId}/start`)).json().status).toBe('active');
  return placementId;
}

const savePlan = async (placementId: string, extra: Record<string, unknown>) =>
  lead.put(`/api/placements/${placementId}/plan`, {
    version: (await lead.get(`/api/placements/${placementId}`)).json().version,
    ...plan(extra),
  });

const mark = (placementId: string, date: string) =>
  portal.post('/api/portal/register', { date, session: 'am', marks: [{ placementId, mark: 'present' }] });

describe('a timetable change applies from a day', () => {
  it('keeps the past days markable, priced and counted on the timetable they ran on', async () => {
    const placementId = await startedPlacement();
    await days(10); // Thursday 22 January
    const twoDays = { sessions: mornings(['mon', 'tue']) };

    const undated = await savePlan(placementId, twoDays);
    expect(undated.json().error.fields).toEqual([
      {
        path: 'timetableChange.from',
        message: 'Say from which day the new timetable, cost or target applies, and why',
      },
    ]);
    const backdated = await savePlan(placementId, {
      ...twoDays,
      timetableChange: { from: '2026-01-21', reason: 'Building back up' },
    });
    expect(backdated.json().error.fields[0]).toMatchObject({ path: 'timetableChange.from' });
    // Refused changes changed nothing: still five days.
    expect((await lead.get(`/api/placements/${placementId}`)).json().hoursPerWeek).toBe(20);

    const changed = await savePlan(placementId, {
      ...twoDays,
      timetableChange: { from: '2026-01-26', reason: 'Two days while the pupil settles' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const placement = changed.json();
    expect(placement.termChanges).toEqual([
      expect.objectContaining({
        effectiveFrom: '2026-01-26',
        reason: 'Two days while the pupil settles',
        daysBefore: 5,
        daysAfter: 2,
        hoursBefore: 20,
        hoursAfter: 8,
        ehcpReviewRequired: false,
        ehcpReviewArrangedOn: null,
      }),
    ]);
    expect(placement.timeline.map((e: { what: string }) => e.what)).toContain(
      'Changed the timetable from 26 Jan 2026: 5 days, 20 hours a week, £100.00 a day, target 90% became 2 days, 8 hours a week, £100.00 a day, target 90%. Why: Two days while the pupil settles',
    );

    // Wednesday 21 January was a day of the old timetable: still the provider's to mark.
    expect((await mark(placementId, '2026-01-21')).statusCode).toBe(200);
    expect((await mark(placementId, '2026-01-22')).statusCode).toBe(200); // today, still five days

    // Spend to date on five days (9 school days at £100); the forecast adds the Mondays and
    // Tuesdays from 26 January to 27 March less the February half-term (16 days).
    const [budget] = (await head.get('/api/reports/budgets?academicYear=2025/26')).json().budgets;
    expect(budget).toMatchObject({ spentToDatePence: 90000, forecastPence: (10 + 16) * 10000 });

    // Census day (15 January) had the full-time timetable.
    const census = (
      await lead.get(`/api/census?schoolId=${schoolId}&academicYear=2025/26&term=spring`)
    ).json();
    expect(census.records).toEqual([expect.objectContaining({ placementId, attendancePattern: 'FT' })]);

    await days(6); // Wednesday 28 January, under the new timetable
    expect((await mark(placementId, '2026-01-28')).json().error.fields[0].message).toBe(
      'This pupil is not expected with you on this date',
    );
    expect((await mark(placementId, '2026-01-26')).statusCode).toBe(200);
    expect((await mark(placementId, '2026-01-23')).statusCode).toBe(200); // Friday of the old one
  });

  it('asks the AP lead for an EHCP review of a change of days or hours, not of a cost', async () => {
    const placementId = await startedPlacement(1, {}, ehcpMornings);
    const other = await startedPlacement(2);
    await days(1);
    const tasks = async () => (await lead.get('/api/placements/ehcp-reviews')).json().tasks;
    const cheaper = await savePlan(placementId, {
      ...ehcpMornings,
      costPence: 9000,
      timetableChange: { from: '2026-01-13', reason: 'New rate agreed' },
    });
    expect(cheaper.json().termChanges[0]).toMatchObject({ ehcpReviewRequired: false });
    // Not an EHCP pupil: the days change, but no EHCP review is asked for.
    const notEhcp = await savePlan(other, {
      sessions: mornings(['mon']),
      timetableChange: { from: '2026-01-19', reason: 'One day' },
    });
    expect(notEhcp.json().termChanges[0]).toMatchObject({ ehcpReviewRequired: false });
    expect(await tasks()).toEqual([]);

    const longer = await savePlan(placementId, {
      costPence: 9000,
      sessions: mornings(weekdays, 3.5),
      timetableChange: { from: '2026-01-19', reason: 'Longer mornings' },
    });
    expect(longer.statusCode, longer.body).toBe(200);
    const [task] = await tasks();
    expect(task).toMatchObject({
      placementId,
      source: 'timetable_change',
      why: 'the timetable changes from 19 Jan 2026',
      localAuthority: 'Liverpool',
    });
    const board = (await lead.get('/api/obligations')).json().items as { kind: string }[];
    expect(board.filter((i) => i.kind === 'ehcp_review')).toHaveLength(1);
    // A change must not go back before one already recorded.
    const earlier = await savePlan(placementId, {
      ...ehcpMornings,
      costPence: 9000,
      timetableChange: { from: '2026-01-14', reason: 'Back to three hours' },
    });
    expect(earlier.json().error.fields[0].message).toBe(
      'A change from 19 Jan 2026 is already recorded: this one applies from that day or later',
    );
    const future = await lead.post(
      `/api/placements/${placementId}/timetable-changes/${task.flagId}/ehcp-review`,
      { arrangedOn: '2026-01-14', note: 'Asked Liverpool for a review' },
    );
    expect(future.json().error.fields[0]).toEqual({
      path: 'arrangedOn',
      message: 'This date is in the future',
    });
    const arranged = await lead.post(
      `/api/placements/${placementId}/timetable-changes/${task.flagId}/ehcp-review`,
      { arrangedOn: '2026-01-13', note: 'Asked Liverpool for a review' },
    );
    expect(arranged.statusCode, arranged.body).toBe(200);
    expect(await tasks()).toEqual([]);
  });

  it('lets a plan change freely on its first day, and a cost recorded late apply from the start', async () => {
    const placementId = await startedPlacement();
    const sameDay = await savePlan(placementId, { sessions: mornings(['mon', 'wed']) });
    expect(sameDay.statusCode, sameDay.body).toBe(200);
    expect(sameDay.json().termChanges).toEqual([]);
    const noCost = await startedPlacement(2, notEhcp, { costPence: null, costPer: null });
    await days(3);
    const costed = await savePlan(noCost, { costPence: 10000, costPer: 'day' });
    expect(costed.statusCode, costed.body).toBe(200);
    expect(costed.json().termChanges).toEqual([]);
    // A cost that was recorded is a change like any other.
    expect((await savePlan(noCost, { costPence: 12000, costPer: 'day' })).json().error.fields[0].path).toBe(
      'timetableChange.from',
    );
  });
});

describe('a move to another provider', () => {
  it('asks for an EHCP review when a pupil with an EHCP moves, not when another pupil does', async () => {
    const ehcp = await startedPlacement(1, {}, ehcpMornings);
    const other = await startedPlacement(2);
    await days(7);
    const move = { endedOn: '2026-01-16', reason: 'A closer provider', outcome: 'moved_provider' };
    expect((await lead.post(`/api/placements/${other}/end`, move)).json().ehcpReviewOnMove).toEqual({
      required: false,
      arrangedOn: null,
    });
    const ended = await lead.post(`/api/placements/${ehcp}/end`, move);
    expect(ended.json().ehcpReviewOnMove).toEqual({ required: true, arrangedOn: null });
    const tasks = async () => (await lead.get('/api/placements/ehcp-reviews')).json().tasks;
    expect(await tasks()).toEqual([
      expect.objectContaining({
        placementId: ehcp,
        source: 'provider_move',
        why: 'the pupil moved to another provider after 16 Jan 2026',
      }),
    ]);
    const arranged = await lead.post(`/api/placements/${ehcp}/move/ehcp-review`, {
      arrangedOn: '2026-01-19',
      note: 'Asked Liverpool for an interim review',
    });
    expect(arranged.json().ehcpReviewOnMove).toEqual({ required: true, arrangedOn: '2026-01-19' });
    expect(await tasks()).toEqual([]);
  });
});

describe('ending a placement ends its duties', () => {
  it('withdraws later reviews and unanswered voice links, from the board and the page', async () => {
    const placementId = await startedPlacement();
    const { requests } = (await lead.get(`/api/placements/${placementId}/voice`)).json();
    const pupilRequest = requests.find((r: { respondent: string }) => r.respondent === 'pupil');
    const link = (await lead.post(`/api/placements/${placementId}/voice/${pupilRequest.id}/link`, {})).json();
    const token = link.url.split('/voice/')[1];
    await days(7); // Monday 19 January
    const kinds = async () =>
      ((await lead.get('/api/obligations')).json().items as { kind: string }[]).map((i) => i.kind);
    expect(await kinds()).toEqual(expect.arrayContaining(['placement_review', 'voice_request']));

    const ended = await lead.post(`/api/placements/${placementId}/end`, {
      endedOn: '2026-01-16',
      reason: 'Returned to school full time',
      outcome: 'returned_to_school',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().reviews).toEqual([]); // the spring reviews fell after the last day
    expect((await lead.get(`/api/placements/${placementId}/voice`)).json().requests).toEqual([]);
    const visitor = createClient(t.app);
    await visitor.get('/api/auth/session');
    expect((await visitor.get(`/api/voice/forms/${token}`)).statusCode).toBe(404);
    const after = await kinds();
    expect(after).not.toContain('placement_review');
    expect(after).not.toContain('voice_request');
  });
});
