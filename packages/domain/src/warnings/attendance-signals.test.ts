import { describe, expect, it } from 'vitest';
import { attendanceRateOfCounts } from '../attendance/codes.ts';
import { attendanceDropWarning, lastSchoolDays, unexplainedAbsencesWarning } from './attendance-signals.ts';
import { calendar, subject } from './test-calendar.ts';
import { defaultWarningSettings as settings } from './warning-settings.ts';

describe('attendance falling: this half-term against the last', () => {
  it('warns at exactly 15 points, even where floating point would make it 14.999…', () => {
    // 70% then 55%: 0.7 − 0.55 is 0.1499999… in floating point.
    const warning = attendanceDropWarning(
      subject,
      { previous: { attended: 7, possible: 10 }, current: { attended: 11, possible: 20 } },
      { ...settings, attendanceMinimumSessions: 10 },
    );
    expect(warning).toMatchObject({
      kind: 'attendance_drop',
      key: 'attendance_drop:p1',
      measure: 15,
      reason: 'Attendance this half-term is 55%, down from 70% last half-term: 15 percentage points lower.',
      action: { link: '/placements/p1' },
    });
  });

  it('stays quiet at 14.5 points, and when either half-term has too few sessions to judge', () => {
    expect(
      attendanceDropWarning(
        subject,
        { previous: { attended: 20, possible: 20 }, current: { attended: 171, possible: 200 } },
        settings,
      ),
    ).toBeNull();
    expect(
      attendanceDropWarning(
        subject,
        { previous: { attended: 20, possible: 20 }, current: { attended: 0, possible: 8 } },
        settings,
      ),
    ).toBeNull();
    expect(
      attendanceDropWarning(
        subject,
        { previous: { attended: 20, possible: 20 }, current: { attended: 0, possible: 8 } },
        { ...settings, attendanceMinimumSessions: 8 },
      )?.measure,
    ).toBe(100);
  });

  it('follows the administrator’s threshold', () => {
    const history = { previous: { attended: 19, possible: 20 }, current: { attended: 17, possible: 20 } };
    expect(attendanceDropWarning(subject, history, settings)).toBeNull();
    expect(attendanceDropWarning(subject, history, { ...settings, attendanceDropPoints: 10 })?.measure).toBe(
      10,
    );
  });

  it('counts sessions the DfE way: D is not possible, B and P attended, N absent', () => {
    expect(
      attendanceRateOfCounts([
        { code: 'B', count: 6 },
        { code: '/', count: 2 },
        { code: 'N', count: 3 },
        { code: 'D', count: 4 },
        { code: 'I', count: 1 },
      ]),
    ).toMatchObject({ attended: 8, possible: 12 });
  });
});

describe('unexplained absences in ten school days', () => {
  it('reaches back over the half-term holiday and the INSET day, so the window is ten school days', () => {
    // Wednesday 25 February: 24 and 25 Feb, then (23 Feb INSET, 16–20 Feb holiday) back to 5 Feb.
    expect(lastSchoolDays(calendar, '2026-02-25', 10)).toEqual([
      '2026-02-25',
      '2026-02-24',
      '2026-02-13',
      '2026-02-12',
      '2026-02-11',
      '2026-02-10',
      '2026-02-09',
      '2026-02-06',
      '2026-02-05',
      '2026-02-04',
    ]);
  });

  it('warns at three N or O sessions inside the window, not for one just outside it', () => {
    const schoolDays = lastSchoolDays(calendar, '2026-02-25', 10);
    const marks = [
      { date: '2026-02-04', code: 'N' },
      { date: '2026-02-12', code: 'O' },
      { date: '2026-02-24', code: 'N' },
      { date: '2026-02-24', code: 'I' },
    ];
    expect(unexplainedAbsencesWarning(subject, { marks, schoolDays }, settings)).toMatchObject({
      kind: 'unexplained_absences',
      measure: 3,
      reason: '3 unexplained absences (sessions coded N or O) in the last 10 school days.',
    });
    const earlier = marks.map((m) => (m.date === '2026-02-04' ? { ...m, date: '2026-02-03' } : m));
    expect(unexplainedAbsencesWarning(subject, { marks: earlier, schoolDays }, settings)).toBeNull();
  });
});
