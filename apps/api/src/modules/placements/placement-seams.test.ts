/**
 * Where a placement meets the provider portal, the register export, the school roll and the census:
 * a referral the provider sees only once sent, K for education the local authority arranged, C2 for a
 * reduced timetable, leaving the roll, and the census returned or confirmed empty.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { approvedProvider, providerBody } from '../../test/provider-builders.ts';
import { pupilBody, upnFor } from '../../test/pupil-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// Each test has an app of its own; the clock starts on Monday 12 January 2026 at 09:30.
let t: TestApp;
let lead: TestClient;
let portal: TestClient;
let providerId: string;
let schoolId: string;
let otherSchoolId: string;

beforeEach(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  schoolId = trust.schoolA.id;
  adminEmail = trust.admin.email;
  otherSchoolId = trust.schoolB.id;
  const user = async (role: 'ap_lead' | 'headteacher') =>
    (
      await buildUser(t.database.db, {
        groupId: trust.group.id,
        roles: [
          { role, scopeType: 'school', scopeId: trust.schoolA.id },
          { role, scopeType: 'school', scopeId: trust.schoolB.id },
        ],
      })
    ).email;
  leadEmail = await user('ap_lead');
  lead = await signedInClient(t.app, leadEmail);
  const head = await signedInClient(t.app, await user('headteacher'));
  providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const staff = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
  });
  portalEmail = staff.email;
  portal = await signedInClient(t.app, portalEmail);
});
afterEach(() => t.close());

let leadEmail: string;
let portalEmail: string;
let adminEmail: string;
/** Moves the clock on whole days; sessions lapse overnight, so the AP lead signs in again. */
async function days(n: number) {
  t.advanceMinutes(n * 24 * 60);
  lead = await signedInClient(t.app, leadEmail);
  portal = await signedInClient(t.app, portalEmail);
}

const readyPlan = (extra: Record<string, unknown> = {}) => ({
  version: 1,
  reason: 'Vocational',
  startsOn: '2026-01-12',
  plannedEndOn: '2026-03-27',
  agreement: { discussedOn: '2026-01-08', withWhom: 'The pupil and a parent', how: 'Meeting', agreed: true },
  objectives: [{ id: 'o1', text: 'Attend every morning', timeline: 'Spring', successCriteria: '95%' }],
  reintegrationTargets: [{ id: 'r1', text: 'Maths at school', timeline: 'Summer', post16Link: 'College' }],
  sessions: [{ day: 'mon', session: 'am', hours: 3 }],
  ...extra,
});

async function referral(n: number, type = 'commissioned_ap', plan: Record<string, unknown> = {}) {
  const pupilId = (await lead.post('/api/pupils', pupilBody(schoolId, { upn: upnFor(n) }))).json()
    .id as string;
  const placementId = (
    await lead.post('/api/placements', { pupilId, providerId, type, reason: 'Vocational' })
  ).json().id as string;
  const saved = await lead.put(`/api/placements/${placementId}/plan`, readyPlan(plan));
  expect(saved.statusCode, saved.body).toBe(200);
  return { pupilId, placementId };
}

async function started(n: number, type = 'commissioned_ap', plan: Record<string, unknown> = {}) {
  const made = await referral(n, type, plan);
  await lead.post(`/api/placements/${made.placementId}/send-referral`);
  const start = await lead.post(`/api/placements/${made.placementId}/start`);
  expect(start.json().status, start.body).toBe('active');
  return made;
}

const portalIds = async () =>
  ((await portal.get('/api/portal/placements')).json().placements as { id: string }[]).map((p) => p.id);

const exportRows = async (from: string, to: string) =>
  (await lead.get(`/api/attendance/export?from=${from}&to=${to}`)).body.trim().split('\r\n').slice(1);

const duties = async (kind: string) =>
  (
    (await lead.get('/api/obligations')).json().items as { kind: string; title: string; dueOn: string }[]
  ).filter((i) => i.kind === kind);

describe('a referral reaches the provider only when the school sends it', () => {
  it('shows the provider nothing until Send the referral, which only an approved provider can get, once', async () => {
    const { placementId } = await referral(1);
    expect(await portalIds()).not.toContain(placementId);
    expect((await portal.get(`/api/portal/placements/${placementId}`)).statusCode).toBe(404);
    // Starting waits for it too.
    expect((await lead.post(`/api/placements/${placementId}/start`)).json().error.fields).toEqual([
      {
        path: 'referralSent',
        message: 'Send the referral to the provider: until you do, they know nothing of the pupil',
      },
    ]);

    // Sent twice at once (a double click): recorded once.
    const [sent] = await Promise.all([
      lead.post(`/api/placements/${placementId}/send-referral`),
      lead.post(`/api/placements/${placementId}/send-referral`),
    ]);
    expect(sent!.statusCode).toBe(200);
    expect(sent!.json().referralSentAt).not.toBeNull();
    expect(sent!.json().shared).toEqual([
      expect.objectContaining({
        what: expect.stringMatching(
          /^The referral: Jordan Reeve, Year \d+, .+; planned 12 Jan 2026 to 27 Mar 2026; 3 hours a week$/,
        ),
        method: 'Waymark provider portal',
        sharedOn: '2026-01-12',
      }),
    ]);
    expect(sent!.json().timeline[0].what).toMatch(/^Sent the referral to Harbour Learning/);
    expect(await portalIds()).toContain(placementId);
    expect((await portal.get(`/api/portal/placements/${placementId}`)).json()).toMatchObject({
      status: 'referral',
      pupilName: 'Jordan Reeve',
    });
    // Sending again changes nothing.
    const again = await lead.post(`/api/placements/${placementId}/send-referral`);
    expect(again.json().shared).toHaveLength(1);
    expect(again.json().version).toBe(sent!.json().version);
    // Once started there is no referral to send.
    await lead.post(`/api/placements/${placementId}/start`);
    expect((await lead.post(`/api/placements/${placementId}/send-referral`)).json().error).toMatchObject({
      code: 'placements.wrong_status',
      message: 'A placement that is active cannot be sent as a referral.',
    });
  });

  it('refuses to send to a provider that is not approved', async () => {
    const draft = (await lead.post('/api/providers', providerBody({ name: 'Draft Provider' }))).json().id;
    const pupilId = (await lead.post('/api/pupils', pupilBody(schoolId))).json().id;
    const placementId = (
      await lead.post('/api/placements', {
        pupilId,
        providerId: draft,
        type: 'commissioned_ap',
        reason: 'Course',
      })
    ).json().id;
    const refused = await lead.post(`/api/placements/${placementId}/send-referral`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('placements.provider_not_approved');
    expect((await lead.get(`/api/placements/${placementId}`)).json().referralSentAt).toBeNull();
  });
});

describe('how early a referral’s checks come onto the board', () => {
  it('follows the trust’s setting: five school days puts a start in five on the board, not one in six', async () => {
    // Sent but not agreed with the family: one check unmet.
    const unagreed = async (n: number, startsOn: string) => {
      const { placementId } = await referral(n, 'commissioned_ap', { startsOn, agreement: null });
      await lead.post(`/api/placements/${placementId}/send-referral`);
    };
    // From Monday 12 January: Monday 19th is five school days on, Tuesday 20th six, the 26th ten.
    await unagreed(8, '2026-01-19');
    await unagreed(9, '2026-01-20');
    await unagreed(10, '2026-01-26');
    const listed = async () => [...new Set((await duties('referral_check')).map((d) => d.dueOn))];
    expect(await listed()).toEqual(['2026-01-19', '2026-01-20', '2026-01-26']);
    const admin = await signedInClient(t.app, adminEmail);
    const { settings } = (await admin.get('/api/warnings/settings')).json();
    expect(settings.referralNoticeSchoolDays).toBe(10);
    const saved = await admin.put('/api/warnings/settings', { ...settings, referralNoticeSchoolDays: 5 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await listed()).toEqual(['2026-01-19']);
    const tooLong = await admin.put('/api/warnings/settings', { ...settings, referralNoticeSchoolDays: 31 });
    expect(tooLong.json().error.fields).toEqual([
      { path: 'referralNoticeSchoolDays', message: 'School days before a referral starts: at most 30' },
    ]);
  });
});

describe('education the local authority arranged', () => {
  it('codes attended sessions K, not B, and leaves the placement out of the school census', async () => {
    const { placementId } = await started(2, 'local_authority');
    const school = await started(3);
    expect((await lead.get(`/api/placements/${placementId}`)).json().registration).toEqual({
      kind: 'local_authority',
      code: 'K',
    });
    const sent = await portal.post('/api/portal/register', {
      date: '2026-01-12',
      session: 'am',
      marks: [
        { placementId, mark: 'present' },
        { placementId: school.placementId, mark: 'present' },
      ],
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(await exportRows('2026-01-12', '2026-01-12')).toEqual([
      `${upnFor(2)},2026-01-12,AM,K`,
      `${upnFor(3)},2026-01-12,AM,B`,
    ]);
    const census = (
      await lead.get(`/api/census?schoolId=${schoolId}&academicYear=2025/26&term=spring`)
    ).json();
    expect(census.records.map((r: { placementId: string }) => r.placementId)).toEqual([school.placementId]);
  });
});

describe('a reduced timetable', () => {
  it('refuses a session the pupil is expected at the provider, and codes the agreed ones C2 to its end', async () => {
    const reducedTimetable = {
      sessions: [
        { day: 'wed', session: 'pm' },
        { day: 'fri', session: 'pm' },
      ],
      agreedWithParentsOn: '2026-01-09',
      reason: 'Building up to full days',
      endsOn: '2026-01-30',
      reviewOn: null,
    };
    const pupilId = (await lead.post('/api/pupils', pupilBody(schoolId, { upn: upnFor(4) }))).json().id;
    const placementId = (
      await lead.post('/api/placements', { pupilId, providerId, type: 'commissioned_ap', reason: 'Course' })
    ).json().id;
    const clash = await lead.put(
      `/api/placements/${placementId}/plan`,
      readyPlan({ reducedTimetable: { ...reducedTimetable, sessions: [{ day: 'mon', session: 'am' }] } }),
    );
    expect(clash.json().error.fields).toEqual([
      {
        path: 'reducedTimetable.sessions.0',
        message:
          'The pupil is expected at the provider on Monday morning: a reduced-timetable session is one they are expected nowhere',
      },
    ]);
    const muddled = await lead.put(
      `/api/placements/${placementId}/plan`,
      readyPlan({
        reducedTimetable: {
          ...reducedTimetable,
          sessions: [reducedTimetable.sessions[0], reducedTimetable.sessions[0]],
          endsOn: '2026-01-08',
          reviewOn: '2026-02-01',
        },
      }),
    );
    expect(muddled.json().error.fields).toEqual([
      { path: 'reducedTimetable.sessions.1', message: 'This session is in the reduced timetable twice' },
      { path: 'reducedTimetable.endsOn', message: 'The reduced timetable ends before it was agreed' },
      {
        path: 'reducedTimetable.reviewOn',
        message: 'Review the reduced timetable on or before the day it ends',
      },
    ]);
    await lead.put(`/api/placements/${placementId}/plan`, readyPlan({ reducedTimetable }));
    await lead.post(`/api/placements/${placementId}/send-referral`);
    expect((await lead.post(`/api/placements/${placementId}/start`)).json().status).toBe('active');

    // Wednesday and Friday afternoons from the start to 30 January, and none after.
    expect((await exportRows('2026-01-12', '2026-02-06')).filter((r) => r.endsWith(',C2'))).toEqual(
      ['14', '16', '21', '23', '28', '30'].map((d) => `${upnFor(4)},2026-01-${d},PM,C2`),
    );
    // Without a review date it is a duty; a review more than a week away is not, within the week it is.
    expect((await duties('reduced_timetable')).map((d) => [d.title, d.dueOn])).toEqual([
      ['Jordan Reeve at Harbour Learning: the reduced timetable has no review date', '2026-01-09'],
    ]);
    const version = (await lead.get(`/api/placements/${placementId}`)).json().version;
    await lead.put(
      `/api/placements/${placementId}/plan`,
      readyPlan({ version, reducedTimetable: { ...reducedTimetable, reviewOn: '2026-01-20' } }),
    );
    expect(await duties('reduced_timetable')).toEqual([]);
    await days(1); // Tuesday 13 January: the review is seven days away
    expect((await duties('reduced_timetable')).map((d) => d.dueOn)).toEqual(['2026-01-20']);
    await days(18); // Saturday 31 January: past its end too
    expect((await duties('reduced_timetable')).map((d) => d.dueOn)).toEqual(['2026-01-20', '2026-01-30']);
  });
});

describe('leaving the school roll', () => {
  it('ends running placements that day, cancels referrals, and refuses new ones', async () => {
    const { pupilId, placementId } = await started(5);
    const second = (
      await lead.post('/api/placements', {
        pupilId,
        providerId,
        type: 'commissioned_ap',
        reason: 'Later course',
      })
    ).json().id;
    await days(3); // Thursday 15 January
    const version = (await lead.get(`/api/pupils/${pupilId}`)).json().version;
    const future = await lead.post(`/api/pupils/${pupilId}/leaving`, {
      leftOn: '2026-01-16',
      reason: 'managed_move_completed',
      version,
    });
    expect(future.json().error.fields).toEqual([
      { path: 'leftOn', message: 'The day the pupil left cannot be after today' },
    ]);
    const unborn = await lead.post(`/api/pupils/${pupilId}/leaving`, {
      leftOn: '2000-01-01',
      reason: 'moved_school',
      version,
    });
    expect(unborn.json().error.fields).toEqual([
      { path: 'leftOn', message: 'The day the pupil left is before their birth' },
    ]);
    const left = await lead.post(`/api/pupils/${pupilId}/leaving`, {
      leftOn: '2026-01-14',
      reason: 'managed_move_completed',
      note: 'On roll at Hillview from today',
      version,
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().leaving).toEqual({
      leftOn: '2026-01-14',
      reason: 'managed_move_completed',
      note: 'On roll at Hillview from today',
    });
    expect((await lead.get(`/api/placements/${placementId}`)).json()).toMatchObject({
      status: 'ended',
      endedOn: '2026-01-14',
      endReason: 'Left the school roll on 14 Jan 2026: Managed move completed: on roll at the new school',
    });
    expect((await lead.get(`/api/placements/${second}`)).json().status).toBe('cancelled');
    expect(await portalIds()).not.toContain(placementId);
    const again = await lead.post(`/api/pupils/${pupilId}/leaving`, {
      leftOn: '2026-01-14',
      reason: 'moved_school',
      version: left.json().version,
    });
    expect(again.json().error.code).toBe('pupils.already_left');
    const newReferral = await lead.post('/api/placements', {
      pupilId,
      providerId,
      type: 'commissioned_ap',
      reason: 'Another course',
    });
    expect(newReferral.json().error.code).toBe('placements.pupil_left');
    expect(await duties('off_roll_placement')).toEqual([]);
  });

  it('flags a placement recorded as ending after the pupil left (2372) until its last day is corrected', async () => {
    const { pupilId, placementId } = await started(6);
    await days(8); // Tuesday 20 January
    await lead.post(`/api/placements/${placementId}/end`, {
      endedOn: '2026-01-20',
      reason: 'Stopped attending',
      outcome: 'other',
    });
    const version = (await lead.get(`/api/pupils/${pupilId}`)).json().version;
    await lead.post(`/api/pupils/${pupilId}/leaving`, {
      leftOn: '2026-01-13',
      reason: 'moved_school',
      version,
    });
    // Left on the 13th, after census day (15th)? No: before it, so the spring census holds the placement.
    const census = async () =>
      (await lead.get(`/api/census?schoolId=${schoolId}&academicYear=2025/26&term=spring`)).json().problems;
    expect(await census()).toEqual([
      {
        rule: '2372',
        placementId,
        message:
          'Jordan Reeve at Harbour Learning: the pupil left the roll on 13 Jan 2026 but the placement is recorded as ending on 20 Jan 2026. Its leaving date must be on or before the day they left.',
      },
    ]);
    expect((await duties('off_roll_placement')).map((d) => [d.title, d.dueOn])).toEqual([
      [
        'Jordan Reeve left the roll on 13 Jan 2026 but the placement at Harbour Learning is recorded as ending on 20 Jan 2026: correct its end date (census rule 2372)',
        '2026-01-13',
      ],
    ]);
    // With a problem to fix the census cannot be recorded as returned.
    const blocked = await lead.post('/api/census/returns', {
      schoolId,
      academicYear: '2025/26',
      term: 'spring',
      kind: 'returned',
    });
    expect(blocked.json().error).toMatchObject({
      code: 'census.problems_to_fix',
      message: 'Fix the 1 problem listed before recording the return.',
    });
    const wrong = await lead.post(`/api/placements/${placementId}/end-date`, {
      endedOn: '2026-01-14',
      why: 'The day after',
    });
    expect(wrong.json().error.fields).toEqual([
      {
        path: 'endedOn',
        message: 'The pupil left the roll on 13 Jan 2026: the placement’s last day must be on or before it',
      },
    ]);
    const corrected = await lead.post(`/api/placements/${placementId}/end-date`, {
      endedOn: '2026-01-13',
      why: 'The pupil moved school on the 13th',
    });
    expect(corrected.json().endedOn).toBe('2026-01-13');
    expect(corrected.json().timeline[0].what).toBe(
      'Corrected the last day from 20 Jan 2026 to 13 Jan 2026: The pupil moved school on the 13th',
    );
    expect(await census()).toEqual([]);
    expect(await duties('off_roll_placement')).toEqual([]);
  });
});

describe('the census returned, or confirmed empty', () => {
  it('opens on the next census, confirms "no AP arranged" from census day only when there is none, and moves on', async () => {
    const next = async (id: string) => (await lead.get(`/api/census/next?schoolId=${id}`)).json();
    expect(await next(otherSchoolId)).toEqual({ academicYear: '2025/26', term: 'spring' });
    const confirm = (id: string, kind: string) =>
      lead.post('/api/census/returns', { schoolId: id, academicYear: '2025/26', term: 'spring', kind });
    const early = await confirm(otherSchoolId, 'none_arranged');
    expect(early.json().error).toMatchObject({
      code: 'census.too_early',
      message: 'The collection period runs to census day, 15 Jan 2026: record the return on or after it.',
    });
    await started(7);
    await days(3); // Thursday 15 January, census day
    expect((await confirm(schoolId, 'none_arranged')).json().error.code).toBe('census.placements_to_return');
    expect((await confirm(otherSchoolId, 'returned')).json().error.code).toBe('census.nothing_to_return');
    // Confirmed twice at once: both answered, one record and one line in the log.
    const [empty, twice] = await Promise.all([
      confirm(otherSchoolId, 'none_arranged'),
      confirm(otherSchoolId, 'none_arranged'),
    ]);
    expect([empty.statusCode, twice.statusCode], empty.body).toEqual([200, 200]);
    expect(empty.json()).toMatchObject({
      records: [],
      problems: [],
      returned: { kind: 'none_arranged', placements: 0 },
    });
    // Asked again, nothing changes; asked the other way, refused.
    expect((await confirm(otherSchoolId, 'none_arranged')).statusCode).toBe(200);
    expect((await confirm(otherSchoolId, 'returned')).json().error.code).toBe('census.already_recorded');
    const returned = await confirm(schoolId, 'returned');
    expect(returned.json().returned).toMatchObject({ kind: 'returned', placements: 1 });
    // Returned on census day: the page now opens on the summer census.
    expect(await next(otherSchoolId)).toEqual({ academicYear: '2025/26', term: 'summer' });
    const logged = await t.database.db
      .select({ summary: auditEvents.summary, actorName: auditEvents.actorName })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'census.none_arranged'));
    expect(logged.map((l) => l.summary)).toEqual([
      'Confirmed no AP was arranged in the spring 2025/26 census period',
    ]);
  });
});
