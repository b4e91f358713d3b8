import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { attendanceMarks } from '../attendance/attendance.table.ts';
import { providerNotices } from '../notices/notices.table.ts';
import { placements } from '../placements/placements.table.ts';
import { warningAcknowledgements } from './warnings.table.ts';

let t: TestApp;

type World = Awaited<ReturnType<typeof worldOf>>;

/**
 * A trust of the test's own in `app` (warnings and their thresholds are per school and group): Jordan
 * placed with Harbour Learning since the start of Autumn 2, with a register history whose attendance
 * falls from 100% to 70% this half-term.
 */
async function worldOf(app: TestApp) {
  const trust = await buildTrust(app.database.db);
  const emails: Record<string, string> = {};
  const person = async (
    role: 'ap_lead' | 'headteacher' | 'attendance_officer',
    schoolId = trust.schoolA.id,
  ) => {
    const user = await buildUser(app.database.db, {
      groupId: trust.group.id,
      roles: [{ role, scopeType: 'school', scopeId: schoolId }],
    });
    emails[`${role}:${schoolId}`] = user.email;
    return signedInClient(app.app, user.email);
  };
  const lead = await person('ap_lead');
  const head = await person('headteacher');
  const providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const { placementId } = await activePlacement(lead, { schoolId: trust.schoolA.id, providerId });
  const world = {
    app,
    trust,
    emails,
    lead,
    officer: await person('attendance_officer'),
    officerB: await person('attendance_officer', trust.schoolB.id),
    admin: await signedInClient(app.app, trust.admin.email),
    providerId,
    placementId,
  };
  // Placed since the start of Autumn 2, as the history below says.
  await app.database.db
    .update(placements)
    .set({ startsOn: '2025-11-03' })
    .where(eq(placements.id, placementId));
  // Autumn 2: five full days present. Spring 1 so far (6–12 January, after the INSET day): 7 of 10.
  await marks(world, [
    ['2025-11-03', 'day', 'B'],
    ['2025-11-04', 'day', 'B'],
    ['2025-11-05', 'day', 'B'],
    ['2025-11-06', 'day', 'B'],
    ['2025-11-07', 'day', 'B'],
    ['2026-01-06', 'day', 'B'],
    ['2026-01-07', 'day', 'B'],
    ['2026-01-08', 'day', 'B'],
    ['2026-01-09', 'day', 'I'],
    ['2026-01-12', 'am', 'I'],
    ['2026-01-12', 'pm', 'B'],
  ]);
  return world;
}

/** A day later: sessions have lapsed overnight, so everyone signs in again. */
async function nextDay(world: World) {
  const { app, trust, emails } = world;
  app.advanceMinutes(24 * 60);
  world.lead = await signedInClient(app.app, emails[`ap_lead:${trust.schoolA.id}`]!);
  world.officer = await signedInClient(app.app, emails[`attendance_officer:${trust.schoolA.id}`]!);
  world.officerB = await signedInClient(app.app, emails[`attendance_officer:${trust.schoolB.id}`]!);
  world.admin = await signedInClient(app.app, trust.admin.email);
}

/** Hand-built register history: [date, session(s), code]; a whole day when no session is named. */
async function marks(
  { app, trust, placementId }: Pick<World, 'app' | 'trust' | 'placementId'>,
  entries: [string, 'am' | 'pm' | 'day', string][],
) {
  const db = app.database.db;
  const [p] = await db.select().from(placements).where(eq(placements.id, placementId));
  await db.insert(attendanceMarks).values(
    entries.flatMap(([date, when, code]) =>
      (when === 'day' ? (['am', 'pm'] as const) : [when]).map((session) => ({
        groupId: trust.group.id,
        schoolId: p!.schoolId,
        providerId: p!.providerId,
        placementId,
        pupilId: p!.pupilId,
        date,
        session,
        mark: code === 'B' ? ('present' as const) : ('absent' as const),
        code,
        source: 'school' as const,
        recordedBy: trust.admin.id,
        recordedByName: 'Test',
        recordedAt: app.now(),
      })),
    ),
  );
}

const warningsOf = async (client: TestClient, query = '') =>
  (await client.get(`/api/warnings${query}`)).json();

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('early warnings from the records', () => {
  it('shows an attendance officer the fall in attendance, with the reason and a link to act, at their school only', async () => {
    const { officer, officerB, trust, placementId } = await worldOf(t);
    const { active } = await warningsOf(officer);
    // 7 of 10 sessions this half-term against 10 of 10: 30 points.
    expect(active.find((w: { kind: string }) => w.kind === 'attendance_drop')).toMatchObject({
      key: `attendance_drop:${placementId}`,
      reason: 'Attendance this half-term is 70%, down from 100% last half-term: 30 percentage points lower.',
      measure: 30,
      action: { link: `/placements/${placementId}` },
      schoolName: 'Alder School',
    });
    // Silence: nothing logged since the start; no progress report for Autumn 2.
    expect(active.map((w: { kind: string }) => w.kind)).toEqual(
      expect.arrayContaining(['no_contact', 'no_progress_report']),
    );
    expect((await warningsOf(officerB)).active).toEqual([]);
    expect((await warningsOf(officer, `?school=${trust.schoolB.id}`)).active).toEqual([]);
    expect((await warningsOf(officer, `?placement=${placementId}`)).active.length).toBe(active.length);
  });

  it('is acknowledged with a note (kept in the audit log) and stays quiet until it worsens', async () => {
    // The days that follow are this test's alone: a database and clock of its own.
    const own = await createTestApp();
    try {
      const world = await worldOf(own);
      const { officerB, placementId } = world;
      let { officer } = world;
      const db = own.database.db;
      const key = `attendance_drop:${placementId}`;
      const noNote = await officer.post('/api/warnings/acknowledgements', { key, note: '' });
      expect(noNote.statusCode).toBe(400);
      expect(noNote.json().error.fields[0].path).toBe('note');
      const unknown = await officer.post('/api/warnings/acknowledgements', {
        key: 'attendance_drop:x',
        note: 'Seen',
      });
      expect(unknown.statusCode).toBe(404);
      expect(
        (await officerB.post('/api/warnings/acknowledgements', { key, note: 'Seen it' })).statusCode,
      ).toBe(404);
      expect(await db.select().from(warningAcknowledgements)).toEqual([]);

      const acknowledged = await officer.post('/api/warnings/acknowledgements', {
        key,
        note: 'Spoke to mum: chest infection, back Monday',
      });
      expect(acknowledged.statusCode, acknowledged.body).toBe(200);
      expect(acknowledged.json().active.map((w: { key: string }) => w.key)).not.toContain(key);
      expect(acknowledged.json().acknowledged[0]).toMatchObject({
        key,
        acknowledgement: { note: 'Spoke to mum: chest infection, back Monday', measure: 30 },
      });
      const [event] = await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'warnings.acknowledged'));
      expect(event?.summary).toContain('chest infection');
      expect(event?.recordId).toBe(placementId);

      // The next day is missed without a word: 7 of 12 (58.3%), 41.7 points, more than five worse, so it
      // is back; a third unexplained absence the day after raises a warning of its own.
      await nextDay(world);
      officer = world.officer;
      await marks(world, [['2026-01-13', 'day', 'N']]);
      let now = await warningsOf(officer);
      expect(now.active.find((w: { key: string }) => w.key === key)?.measure).toBe(41);
      expect(now.active.map((w: { kind: string }) => w.kind)).not.toContain('unexplained_absences');
      await nextDay(world);
      officer = world.officer;
      await marks(world, [['2026-01-14', 'am', 'O']]);
      now = await warningsOf(officer);
      expect(now.active.find((w: { kind: string }) => w.kind === 'unexplained_absences')?.reason).toBe(
        '3 unexplained absences (sessions coded N or O) in the last 10 school days.',
      );
    } finally {
      await own.close();
    }
  });
});

describe('provider risk and the thresholds', () => {
  it('shows those who manage providers a provider with two items lapsed at once; not the attendance officer', async () => {
    const { lead, officer, trust, providerId } = await worldOf(t);
    // A change of DSL told three days after it happened (same day is required) ...
    await t.database.db.insert(providerNotices).values({
      groupId: trust.group.id,
      providerId,
      kind: 'dsl_change',
      effectiveOn: '2026-01-05',
      details: 'New DSL',
      source: 'portal',
      reportedBy: trust.admin.id,
      reportedByName: 'Provider',
      reportedAt: new Date('2026-01-08T10:00:00Z'),
    });
    // ... and no QA visit in the autumn term the pupil was placed there.
    const risk = (await warningsOf(lead)).active.find((w: { kind: string }) => w.kind === 'provider_lapses');
    expect(risk?.reason).toContain('1 notice of changes told late in the last 90 days');
    expect(risk?.reason).toContain('QA visit overdue (Autumn 2025/26 at Alder School)');
    expect(risk?.action.link).toBe(`/providers/${providerId}`);
    // A provider's warning is acknowledged the same way; the officer cannot see it, so cannot either.
    const key = `provider_lapses:${providerId}`;
    expect((await officer.post('/api/warnings/acknowledgements', { key, note: 'Seen it' })).statusCode).toBe(
      404,
    );
    const acknowledged = await lead.post('/api/warnings/acknowledgements', {
      key,
      note: 'Booked the autumn visit; DSL change now on file',
    });
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json().acknowledged.map((w: { key: string }) => w.key)).toContain(key);
    expect((await warningsOf(lead)).active.map((w: { key: string }) => w.key)).not.toContain(key);
    expect((await warningsOf(officer)).active.map((w: { kind: string }) => w.kind)).not.toContain(
      'provider_lapses',
    );
  });

  it('an administrator changes a threshold for the group; bad values are refused with the field named', async () => {
    const { admin, officer } = await worldOf(t);
    const { settings, defaults } = (await admin.get('/api/warnings/settings')).json();
    expect(settings).toEqual(defaults);
    expect((await officer.put('/api/warnings/settings', settings)).statusCode).toBe(403);
    const bad = await admin.put('/api/warnings/settings', { ...settings, attendanceDropPoints: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'attendanceDropPoints', message: 'Fall in attendance: at least 1' },
    ]);
    const raised = await admin.put('/api/warnings/settings', { ...settings, attendanceDropPoints: 50 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect((await warningsOf(officer)).active.map((w: { kind: string }) => w.kind)).not.toContain(
      'attendance_drop',
    );
    await admin.put('/api/warnings/settings', settings);
    expect((await warningsOf(officer)).active.map((w: { kind: string }) => w.kind)).toContain(
      'attendance_drop',
    );
  });
});
