import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient } from '../../test/http-client.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { emails } from '../notifications/notifications.table.ts';
import { attendanceMarkHistory, attendanceMarks } from './attendance.table.ts';
import { chaseMissingRegisters } from './chasers.ts';
import { keptCountDifferences } from './kept-counts.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London.
let t: TestApp;

type World = Awaited<ReturnType<typeof worldOf>>;

/**
 * A trust of the test's own in `app` (registers, boards and rates are per school and provider): an
 * AP lead, headteacher and attendance officer, Jordan placed from today on Monday and Tuesday mornings
 * with Harbour Learning, whose staff are signed in, and Quayside's staff, who have no pupils of it.
 */
async function worldOf(app: TestApp) {
  const trust = await buildTrust(app.database.db);
  const user = (role: 'ap_lead' | 'headteacher' | 'attendance_officer') =>
    buildUser(app.database.db, {
      groupId: trust.group.id,
      roles: [{ role, scopeType: 'school', scopeId: trust.schoolA.id }],
    });
  const leadEmail = (await user('ap_lead')).email;
  const lead = await signedInClient(app.app, leadEmail);
  const head = await signedInClient(app.app, (await user('headteacher')).email);
  const officer = await signedInClient(app.app, (await user('attendance_officer')).email);
  const harbourId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const otherProviderId = await approvedProvider(lead, head, { name: 'Quayside', ukprn: '10077777' });
  const { placementId } = await activePlacement(lead, {
    schoolId: trust.schoolA.id,
    providerId: harbourId,
    plan: {
      sessions: [
        { day: 'mon', session: 'am', hours: 3 },
        { day: 'tue', session: 'am', hours: 3 },
      ],
    },
  });
  const staff = async (id: string) =>
    (
      await buildUser(app.database.db, {
        groupId: trust.group.id,
        roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: id }],
      })
    ).email;
  return {
    app,
    trust,
    lead,
    officer,
    harbourId,
    placementId,
    portal: await signedInClient(app.app, await staff(harbourId)),
    otherPortal: await signedInClient(app.app, await staff(otherProviderId)),
  };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// Whatever a test did to the registers (sent, corrected, calls closed with a reason), the counts the
// database keeps per month still agree with the marks.
afterEach(async () => expect(await keptCountDifferences(t.database.db)).toEqual([]));

/** A database and clock of the test's own, for a test that moves the clock or chases every provider. */
async function withOwnApp(test: (world: World) => Promise<void>) {
  const own = await createTestApp();
  try {
    await test(await worldOf(own));
  } finally {
    await own.close();
  }
}

const markOf = (placementId: string, mark: string, extra: Record<string, unknown> = {}) => ({
  date: '2026-01-12',
  session: 'am',
  marks: [{ placementId, mark, ...extra }],
});

const marksOf = async (world: World) =>
  world.app.database.db
    .select()
    .from(attendanceMarks)
    .where(eq(attendanceMarks.placementId, world.placementId));

/** This morning's mark from the provider, before the 10:00 deadline. */
async function marked(world: World, what: 'present' | 'absent') {
  const response = await world.portal.post('/api/portal/register', markOf(world.placementId, what));
  expect(response.json()).toEqual({ recorded: 1 });
}

/** Jordan absent this morning; the officer's first-day call finds he is ill (N becomes I). */
async function absenceExplained(world: World) {
  await marked(world, 'absent');
  const [call] = (await world.officer.get('/api/attendance/board')).json().calls;
  await world.officer.post(`/api/attendance/calls/${call.id}/log`, {
    step: 'call',
    called: 'Kerry Reeve (mother)',
    number: '07700 900123',
    outcome: 'Spoke to mother: Jordan is at home with a fever',
    safeAndWell: true,
  });
  const closed = await world.officer.post(`/api/attendance/calls/${call.id}/close`, {
    reasonFound: 'illness',
    note: 'Mother rang back',
  });
  expect(closed.statusCode).toBe(204);
}

describe('the provider’s daily register', () => {
  it('lists today’s expected pupils with the agreed return time', async () => {
    const { portal, otherPortal, placementId } = await worldOf(t);
    const register = (await portal.get('/api/portal/register')).json();
    expect(register).toMatchObject({
      date: '2026-01-12',
      pupils: [
        { placementId, pupilName: 'Jordan Reeve', sessions: [{ session: 'am', dueBy: '10:00', mark: null }] },
      ],
    });
    expect((await otherPortal.get('/api/portal/register')).json().pupils).toEqual([]);
  });

  it('expects nobody on a day the provider records as closed', async () => {
    const { portal } = await worldOf(t);
    const closed = await portal.post('/api/portal/closures', {
      date: '2026-01-19',
      note: 'Staff training day',
    });
    expect(closed.json().closures).toEqual([
      expect.objectContaining({ date: '2026-01-19', note: 'Staff training day' }),
    ]);
    expect(
      (await portal.post('/api/portal/closures', { date: '2026-01-19', note: 'Again' })).json().error.fields,
    ).toEqual([{ path: 'date', message: 'This day is already recorded as closed' }]);
    expect((await portal.get('/api/portal/register?date=2026-01-19')).json().pupils).toEqual([]);
    expect((await portal.get('/api/portal/register?date=2026-01-26')).json().pupils).toHaveLength(1);
  });

  it('says on a day with nobody expected why not, and steps to the days either side that expect someone', async () => {
    const { portal, otherPortal } = await worldOf(t);
    await portal.post('/api/portal/closures', { date: '2026-01-19', note: 'Staff training day' });
    const days = async (date: string) => (await portal.get(`/api/portal/register/days?date=${date}`)).json();
    // Mondays and Tuesdays, from Monday 12 January.
    expect(await days('2026-01-12')).toEqual({
      date: '2026-01-12',
      previous: null,
      next: '2026-01-13',
      whyNoPupils: null,
      nextExpected: null,
    });
    expect(await days('2026-01-14')).toEqual({
      date: '2026-01-14',
      previous: '2026-01-13',
      next: '2026-01-20',
      whyNoPupils: 'No pupil is timetabled with you on Wednesdays.',
      nextExpected: '2026-01-20',
    });
    expect(await days('2026-01-17')).toMatchObject({
      whyNoPupils: 'Sat 17 Jan 2026 is a weekend.',
      nextExpected: '2026-01-20',
    });
    expect(await days('2026-01-19')).toMatchObject({
      previous: '2026-01-13',
      whyNoPupils: 'The provision is recorded as closed on this day: Staff training day.',
      nextExpected: '2026-01-20',
    });
    // Half-term: 16 to 20 February.
    expect(await days('2026-02-16')).toMatchObject({
      previous: '2026-02-10',
      whyNoPupils: 'No pupil is expected: the schools are on holiday.',
      nextExpected: '2026-02-23',
    });
    expect((await otherPortal.get('/api/portal/register/days?date=2026-01-12')).json()).toEqual({
      date: '2026-01-12',
      previous: null,
      next: null,
      whyNoPupils: 'No placement with you runs on this day.',
      nextExpected: null,
    });
  });

  it('refuses marks it cannot accept, saying which, and records nothing', async () => {
    const world = await worldOf(t);
    const { portal, otherPortal, placementId } = world;
    const mark = (what: string, extra: Record<string, unknown> = {}) => markOf(placementId, what, extra);
    const notTimetabled = await portal.post('/api/portal/register', { ...mark('present'), session: 'pm' });
    expect(notTimetabled.json().error.fields).toEqual([
      { path: 'marks.0.session', message: 'Jordan Reeve is not timetabled for this session' },
    ]);
    const saturday = await portal.post('/api/portal/register', { ...mark('present'), date: '2026-01-10' });
    expect(saturday.json().error.fields[0].message).toBe('This pupil is not expected with you on this date');
    const future = await portal.post('/api/portal/register', { ...mark('present'), date: '2026-01-13' });
    expect(future.json().error.fields).toEqual([{ path: 'date', message: 'This date is in the future' }]);
    const notTheirs = await otherPortal.post('/api/portal/register', mark('present'));
    expect(notTheirs.json().error.fields[0].path).toBe('marks.0.placementId');
    const badReason = await portal.post('/api/portal/register', mark('present', { reason: 'illness' }));
    expect(badReason.json().error.fields).toEqual([
      { path: 'marks.0.reason', message: 'A reason is only for an absence' },
    ]);
    const twice = await portal.post('/api/portal/register', {
      ...mark('present'),
      marks: [
        { placementId, mark: 'present' },
        { placementId, mark: 'late' },
      ],
    });
    expect(twice.json().error.fields).toEqual([
      { path: 'marks.1.placementId', message: 'This pupil is marked twice in one session' },
    ]);
    expect(await marksOf(world)).toEqual([]);
  });

  it('records a mark once however often it is sent, flagging it late after the agreed time', () =>
    withOwnApp(async (world) => {
      const { portal, placementId } = world;
      world.app.advanceMinutes(60); // 10:30
      // A double tap sends the register twice at once; both answer, and one mark is kept.
      const both = await Promise.all([
        portal.post('/api/portal/register', markOf(placementId, 'present')),
        portal.post('/api/portal/register', markOf(placementId, 'present')),
      ]);
      expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
      expect(both.map((r) => r.json().recorded).sort()).toEqual([0, 1]);
      expect((await portal.post('/api/portal/register', markOf(placementId, 'present'))).json()).toEqual({
        recorded: 0,
      });
      expect(await marksOf(world)).toEqual([
        expect.objectContaining({ code: 'B', late: true, mark: 'present' }),
      ]);
    }));

  it('a correction needs a reason and keeps the earlier mark; an unexplained absence opens a first-day call', async () => {
    const world = await worldOf(t);
    const { portal, placementId } = world;
    const mark = (what: string, extra: Record<string, unknown> = {}) => markOf(placementId, what, extra);
    await marked(world, 'present');
    const silent = await portal.post('/api/portal/register', mark('absent'));
    expect(silent.json().error.fields).toEqual([
      { path: 'marks.0.correctionReason', message: 'Say why the mark for Jordan Reeve is changed' },
    ]);
    const corrected = await portal.post(
      '/api/portal/register',
      mark('absent', { correctionReason: 'Marked in error: he left at 9:15' }),
    );
    expect(corrected.json()).toEqual({ recorded: 1 });
    const [row] = await marksOf(world);
    expect(row).toMatchObject({ code: 'N', reason: 'unknown' });
    expect((await world.officer.get('/api/attendance/board')).json().calls).toHaveLength(1);
    const history = await t.database.db
      .select()
      .from(attendanceMarkHistory)
      .where(eq(attendanceMarkHistory.markId, row!.id));
    expect(history).toEqual([
      expect.objectContaining({ code: 'B', why: 'Marked in error: he left at 9:15' }),
    ]);
  });
});

describe('the attendance officer’s board and first-day calls', () => {
  it('shows the mark and the open call; the officer logs the call and closes it with the reason found', async () => {
    const world = await worldOf(t);
    const { officer, portal } = world;
    await marked(world, 'absent');
    const board = (await officer.get('/api/attendance/board')).json();
    expect(board.pupils[0].sessions[0]).toMatchObject({ status: 'reported', code: 'N' });
    const [call] = board.calls;
    expect(call).toMatchObject({
      pupilName: 'Jordan Reeve',
      date: '2026-01-12',
      overdue: false,
      resolveBy: '2026-01-19',
      contacts: [{ name: 'Kerry Reeve' }],
    });
    expect(
      (await officer.post(`/api/attendance/calls/${call.id}/close`, { reasonFound: 'unknown', note: 'x' }))
        .statusCode,
    ).toBe(400);
    const logged = await officer.post(`/api/attendance/calls/${call.id}/log`, {
      step: 'call',
      called: 'Kerry Reeve (mother)',
      number: '07700 900123',
      outcome: 'Spoke to mother: Jordan is at home with a fever',
      safeAndWell: true,
    });
    expect(logged.statusCode).toBe(204);
    const closed = await officer.post(`/api/attendance/calls/${call.id}/close`, {
      reasonFound: 'illness',
      note: 'Mother rang back; GP appointment tomorrow',
    });
    expect(closed.statusCode).toBe(204);
    expect((await officer.get('/api/attendance/board')).json().calls).toEqual([]);
    const csv = await officer.get('/api/attendance/export?from=2026-01-01&to=2026-01-31');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toBe('UPN,Date,Session,Code\r\nR201100018042,2026-01-12,AM,I\r\n');
    expect((await portal.get('/api/attendance/board')).statusCode).toBe(403);
    const pupilId = (await officer.get('/api/attendance/board')).json().pupils[0].pupilId;
    const calendar = (
      await officer.get(`/api/attendance/pupils/${pupilId}?from=2026-01-01&to=2026-01-31`)
    ).json();
    // Told at 09:30, before the 10:00 the provider agreed: not late.
    expect(calendar.marks).toEqual([{ date: '2026-01-12', session: 'am', code: 'I', late: false }]);
    expect(calendar.rate).toMatchObject({ possible: 1, authorised: 1 });
    // Every day of the month says what it is on the school's calendar, not only those with marks.
    expect(calendar.days).toHaveLength(31);
    const day = (date: string) => calendar.days.find((d: { date: string }) => d.date === date);
    expect(day('2026-01-01')).toMatchObject({ schoolDay: false, reason: 'bank_holiday' });
    expect(day('2026-01-01').note).toContain('New Year');
    expect(day('2026-01-02')).toMatchObject({ schoolDay: false, reason: 'holiday' });
    expect(day('2026-01-03')).toMatchObject({ schoolDay: false, reason: 'weekend' });
    expect(day('2026-01-12')).toMatchObject({ schoolDay: true, reason: null });
    const backwards = await officer.get(`/api/attendance/pupils/${pupilId}?from=2026-01-31&to=2026-01-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0]).toMatchObject({ message: 'The end is before the start' });
  });
});

describe('chasing a missing register', () => {
  // The chaser looks at every provider in the database: this test's alone.
  it('emails the provider once when the agreed time passes without a return', () =>
    withOwnApp(async (world) => {
      const db = world.app.database.db;
      const before = await chaseMissingRegisters({
        db,
        now: new Date('2026-01-13T09:55:00Z'),
        publicUrl: 'https://w.example',
      });
      expect(before).toEqual({ chased: 0 });
      const after = await chaseMissingRegisters({
        db,
        now: new Date('2026-01-13T10:05:00Z'),
        publicUrl: 'https://w.example',
      });
      expect(after).toEqual({ chased: 1 });
      const again = await chaseMissingRegisters({
        db,
        now: new Date('2026-01-13T10:35:00Z'),
        publicUrl: 'https://w.example',
      });
      expect(again).toEqual({ chased: 0 });
      const sent = await db.select().from(emails).where(eq(emails.kind, 'register_missing'));
      expect(sent).toHaveLength(1);
      expect(sent[0]!.subject).toBe('Register not received: morning of Tue 13 Jan 2026');
      expect(sent[0]!.bodyText).toContain('- Jordan Reeve (Alder School)');
    }));
});

describe('rates, targets and interventions', () => {
  it('works out attendance with the DfE formula and opens an intervention below the target', async () => {
    const world = await worldOf(t);
    const { officer, harbourId } = world;
    await absenceExplained(world);
    const byPlacement = (await officer.get('/api/attendance/rates?from=2026-01-01&to=2026-01-31')).json()
      .rates;
    expect(byPlacement).toEqual([
      expect.objectContaining({
        label: 'Jordan Reeve at Harbour Learning',
        possible: 1,
        authorised: 1,
        attendancePercent: 0,
        persistentAbsence: true,
        targetPercent: 90,
        belowTarget: true,
      }),
    ]);
    const trends = (await officer.get('/api/attendance/trends?from=2026-01-01&to=2026-01-31')).json()
      .providers;
    expect(trends).toEqual([
      {
        providerId: harbourId,
        providerName: 'Harbour Learning',
        weeks: [{ weekStarting: '2026-01-12', possible: 1, attendancePercent: 0 }],
      },
    ]);
    const bySchool = (
      await officer.get('/api/attendance/rates?from=2026-01-01&to=2026-01-31&by=school')
    ).json().rates;
    expect(bySchool[0]).toMatchObject({ label: 'Alder School', targetPercent: null });

    const [intervention] = (await officer.get('/api/attendance/interventions')).json().interventions;
    expect(intervention).toMatchObject({
      pupilName: 'Jordan Reeve',
      attendancePercentAtOpening: 0,
      action: null,
    });
    const incomplete = await officer.put(`/api/attendance/interventions/${intervention.id}`, {
      action: 'Meet family',
    });
    expect(incomplete.statusCode).toBe(400);
    await officer.put(`/api/attendance/interventions/${intervention.id}`, {
      action: 'Meeting with Jordan and his mother; daily check-in call',
      owner: 'Attendance officer',
      reviewOn: '2026-01-26',
    });
    expect((await officer.get('/api/attendance/interventions')).json().interventions[0]).toMatchObject({
      owner: 'Attendance officer',
      reviewOn: '2026-01-26',
    });
    await officer.put(`/api/attendance/interventions/${intervention.id}`, {
      outcome: 'Attendance back to 96% by review',
    });
    expect((await officer.get('/api/attendance/interventions')).json().interventions).toEqual([]);
  });
});

describe('a register uploaded as CSV', () => {
  const header = 'Date,Session,UPN,Mark,Reason,Correction reason';

  it('says what is wrong row by row and records nothing, then records every row', async () => {
    const world = await worldOf(t);
    const { portal } = world;
    await absenceExplained(world);
    const bad = [
      header,
      '2026-01-12,AM,R201100018042,present,,',
      '2026-01-12,PM,R201100018042,absent,flu,',
      '2026-01-12,AM,T20110001804V,present,,',
    ].join('\n');
    const preview = (await portal.post('/api/portal/register/csv/preview', { content: bad })).json();
    expect(preview).toMatchObject({ ready: 1, withProblems: 2 });
    expect(preview.rows[1].problems).toEqual([
      '“flu” is not a reason Waymark knows (unknown, illness, medical, religious, exceptional_leave, holiday, other_unauthorised)',
      'The pupil is not timetabled for PM on 2026-01-12',
    ]);
    const refused = await portal.post('/api/portal/register/csv', { content: bad });
    expect(refused.json().error.code).toBe('attendance.csv_has_errors');
    const onlyCorrection = [header, '2026-01-12,AM,R201100018042,present,,'].join('\n');
    const needsReason = await portal.post('/api/portal/register/csv', { content: onlyCorrection });
    expect(needsReason.json().error.fields).toEqual([
      { path: 'rows.2', message: 'Line 2: Say why the mark for Jordan Reeve is changed' },
    ]);
    const [before] = await marksOf(world);
    expect(before!.code).toBe('I');
    const fixed = [
      header,
      '2026-01-12,AM,R201100018042,present,,Arrived after the call; register was wrong',
    ].join('\n');
    expect((await portal.post('/api/portal/register/csv', { content: fixed })).json()).toEqual({
      recorded: 1,
    });
    const [after] = await marksOf(world);
    expect(after).toMatchObject({ code: 'B', source: 'csv' });
  });
});

describe('a provider’s own system with an API key', () => {
  it('sends marks by UPN with a key the school issued; a revoked key is refused', async () => {
    const world = await worldOf(t);
    const { lead, harbourId } = world;
    await marked(world, 'present');
    const created = (
      await lead.post(`/api/providers/${harbourId}/api-keys`, { name: 'Arbor at Harbour' })
    ).json();
    expect(created.key).toMatch(/^wm_[A-Za-z0-9_-]{43}$/);
    expect(created.keys).toEqual([
      expect.objectContaining({
        name: 'Arbor at Harbour',
        prefix: created.key.slice(0, 10),
        revokedAt: null,
      }),
    ]);
    const call = (body: unknown, key = created.key) =>
      t.app.inject({
        method: 'POST',
        url: '/api/provider-api/register',
        headers: { authorization: `Bearer ${key}` },
        payload: body as object,
      });
    const same = await call({
      date: '2026-01-12',
      session: 'am',
      marks: [{ upn: 'r201100018042', mark: 'present' }],
    });
    expect(same.json()).toEqual({ recorded: 0 });
    // The scheme is case-insensitive: "bearer" and "BEARER" are the same key.
    for (const scheme of ['bearer', 'BEARER']) {
      const cased = await t.app.inject({
        method: 'POST',
        url: '/api/provider-api/register',
        headers: { authorization: `${scheme} ${created.key}` },
        payload: { date: '2026-01-12', session: 'am', marks: [{ upn: 'R201100018042', mark: 'present' }] },
      });
      expect(cased.json()).toEqual({ recorded: 0 });
    }
    const unknown = await call({
      date: '2026-01-12',
      session: 'am',
      marks: [{ upn: 'T20110001804V', mark: 'present' }],
    });
    expect(unknown.json().error.fields).toEqual([
      { path: 'marks.0.upn', message: 'No pupil with UPN T20110001804V is expected with you on 2026-01-12' },
    ]);
    await lead.post(`/api/providers/${harbourId}/api-keys/${created.keys[0].id}/revoke`);
    const revoked = await call({
      date: '2026-01-12',
      session: 'am',
      marks: [{ upn: 'R201100018042', mark: 'present' }],
    });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('auth.api_key_refused');
    const noKey = await t.app.inject({ method: 'POST', url: '/api/provider-api/register', payload: {} });
    expect(noKey.statusCode).toBe(401);
  });
});
