/**
 * A register of several pupils changes them together: its corrections are written in one pass (each
 * pupil's earlier mark kept with the reason, the kept counts agreeing with the marks), and pupils who
 * fall below their attendance targets in the same register each get their intervention and its audit
 * event. The batching is what the peak bench measures; these tests hold what it must not change.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { setUpRegisterPeak } from '../../test/register-peak.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { attendanceInterventions, attendanceMarkHistory, attendanceMarks } from './attendance.table.ts';
import { keptCountDifferences } from './kept-counts.ts';

let t: TestApp;
let staff: Awaited<ReturnType<typeof setUpRegisterPeak>>[number] | undefined;

beforeAll(async () => {
  t = await createTestApp();
  [staff] = await setUpRegisterPeak(t, { providers: 1, staffPerProvider: 1, pupilsPerProvider: 3 });
});
afterAll(() => t.close());

type Mark = { mark: string; reason?: string; correctionReason?: string };
const submit = (session: 'am' | 'pm', marks: Mark[]) =>
  t.app.inject({
    method: 'POST',
    url: '/api/portal/register',
    headers: { 'content-type': 'application/json', cookie: staff!.cookie, 'x-csrf-token': staff!.csrf },
    payload: {
      date: '2026-01-12',
      session,
      marks: marks.map((m, i) => ({ placementId: staff!.placementIds[i], ...m })),
    },
  });

const codesOf = async (session: 'am' | 'pm') => {
  const rows = await t.database.db
    .select({
      placementId: attendanceMarks.placementId,
      code: attendanceMarks.code,
      mark: attendanceMarks.mark,
    })
    .from(attendanceMarks)
    .where(and(eq(attendanceMarks.date, '2026-01-12'), eq(attendanceMarks.session, session)));
  return staff!.placementIds.map((id) => rows.find((r) => r.placementId === id)?.code ?? null);
};

type Opened = { placementId: string; percent: number | null };
const byPlacement = (rows: Opened[]) => [...rows].sort((a, b) => a.placementId.localeCompare(b.placementId));
const interventions = async () =>
  byPlacement(
    await t.database.db
      .select({
        placementId: attendanceInterventions.placementId,
        percent: attendanceInterventions.attendancePercentAtOpening,
      })
      .from(attendanceInterventions),
  );

describe('a register of several pupils', () => {
  it('corrects two pupils at once, keeps each earlier mark with its reason, and leaves the third alone', async () => {
    const present = { mark: 'present' };
    expect((await submit('am', [present, present, present])).json()).toEqual({ recorded: 3 });
    expect(await codesOf('am')).toEqual(['B', 'B', 'B']);

    const corrected = await submit('am', [
      { mark: 'absent', reason: 'illness', correctionReason: 'Rang in sick at 9:10' },
      { mark: 'absent', reason: 'medical', correctionReason: 'Dentist, letter seen' },
      { mark: 'present', correctionReason: 'unchanged' },
    ]);
    expect(corrected.json()).toEqual({ recorded: 2 });
    expect(await codesOf('am')).toEqual(['I', 'M', 'B']);

    const history = await t.database.db
      .select({
        placementId: attendanceMarks.placementId,
        code: attendanceMarkHistory.code,
        why: attendanceMarkHistory.why,
      })
      .from(attendanceMarkHistory)
      .innerJoin(attendanceMarks, eq(attendanceMarks.id, attendanceMarkHistory.markId))
      .where(inArray(attendanceMarks.placementId, staff!.placementIds));
    expect(history.sort((a, b) => a.why.localeCompare(b.why))).toEqual([
      { placementId: staff!.placementIds[1], code: 'B', why: 'Dentist, letter seen' },
      { placementId: staff!.placementIds[0], code: 'B', why: 'Rang in sick at 9:10' },
    ]);
    // The kept monthly counts followed both corrections in the one update.
    expect(await keptCountDifferences(t.database.db)).toEqual([]);

    // A correction without its reason, even beside a good one, records nothing.
    const refused = await submit('am', [
      { mark: 'present', correctionReason: 'Arrived after all' },
      { mark: 'late' },
      { mark: 'present' },
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      {
        path: 'marks.1.correctionReason',
        message: expect.stringMatching(/^Say why the mark for .+ is changed$/),
      },
    ]);
    expect(await codesOf('am')).toEqual(['I', 'M', 'B']);
  });

  it('opens an intervention, with its audit event, for each pupil the register takes below target, once', async () => {
    // The morning's corrections above took the first two to 0% (authorised absences): both opened together.
    expect(await interventions()).toEqual(
      byPlacement([
        { placementId: staff!.placementIds[0]!, percent: 0 },
        { placementId: staff!.placementIds[1]!, percent: 0 },
      ]),
    );
    // In the afternoon no one comes: the third falls to 50% and gets its own; the first two keep theirs.
    const absent = { mark: 'absent' };
    expect((await submit('pm', [absent, absent, absent])).json()).toEqual({ recorded: 3 });
    expect(await codesOf('pm')).toEqual(['N', 'N', 'N']);
    expect(await interventions()).toEqual(
      byPlacement(staff!.placementIds.map((placementId, i) => ({ placementId, percent: i === 2 ? 50 : 0 }))),
    );
    const events = await t.database.db
      .select({ recordId: auditEvents.recordId, actorName: auditEvents.actorName })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'attendance.intervention_opened'));
    expect(events.map((e) => e.recordId).sort()).toEqual([...staff!.placementIds].sort());
    expect(new Set(events.map((e) => e.actorName))).toEqual(new Set(['Waymark']));
    expect(await keptCountDifferences(t.database.db)).toEqual([]);
  });
});
