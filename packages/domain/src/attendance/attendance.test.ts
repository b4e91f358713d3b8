import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedBankHolidays } from '../calendar/bank-holidays.ts';
import { createSchoolCalendar } from '../calendar/school-calendar.ts';
import type { HalfTerm } from '../calendar/term-dates.ts';
import { attendanceRate, attendanceRateOfCounts, homeSchoolCode } from './codes.ts';
import { expectedSessions, isLateSubmission } from './expected-sessions.ts';

const halfTerms: HalfTerm[] = [
  ['spring', 1, '2026-01-05', '2026-02-13'],
  ['spring', 2, '2026-02-23', '2026-03-27'],
  ['summer', 1, '2026-04-13', '2026-05-22'],
].map(
  ([term, half, startsOn, endsOn]) => ({ academicYear: '2025/26', term, half, startsOn, endsOn }) as HalfTerm,
);
const calendar = createSchoolCalendar({
  halfTerms,
  closureDays: [{ date: '2026-02-23', kind: 'inset', note: 'INSET' }],
  bankHolidays: shippedBankHolidays,
});

describe('expected sessions', () => {
  const sessions = [
    { day: 'mon' as const, session: 'am' as const, hours: 3 },
    { day: 'fri' as const, session: 'pm' as const, hours: 2 },
  ];

  it('follows the timetable on school days only: not in half-term, on INSET or on a provider closure', () => {
    const expected = expectedSessions({
      calendar,
      sessions,
      startsOn: '2026-02-09',
      endsOn: null,
      from: '2026-02-09',
      to: '2026-03-06',
      providerClosures: ['2026-03-06'],
    });
    expect(expected).toEqual([
      { date: '2026-02-09', session: 'am' },
      { date: '2026-02-13', session: 'pm' },
      // 16–20 February is half-term; Monday 23rd is INSET.
      { date: '2026-02-27', session: 'pm' },
      { date: '2026-03-02', session: 'am' },
    ]);
  });

  it('skips bank holidays and stops at the placement’s end', () => {
    // Easter Monday 2026 is 6 April (holiday anyway); May Day is Monday 4 May.
    const may = expectedSessions({
      calendar,
      sessions,
      startsOn: '2026-04-13',
      endsOn: '2026-05-08',
      from: '2026-05-01',
      to: '2026-05-31',
    });
    expect(may).toEqual([
      { date: '2026-05-01', session: 'pm' },
      { date: '2026-05-08', session: 'pm' },
    ]);
  });

  it('a return after the agreed time is late, in London time', () => {
    // In May, 10:00 in London is 09:00 UTC.
    expect(isLateSubmission(new Date('2026-05-01T08:59:00Z'), '2026-05-01', '10:00')).toBe(false);
    expect(isLateSubmission(new Date('2026-05-01T09:05:00Z'), '2026-05-01', '10:00')).toBe(true);
    expect(isLateSubmission(new Date('2026-05-01T09:00:30Z'), '2026-05-01', '09:59')).toBe(true);
    expect(isLateSubmission(new Date('2026-01-12T10:01:00Z'), '2026-01-12', '10:00')).toBe(true);
  });
});

describe('register codes', () => {
  it('maps what the provider reports to the home school’s code', () => {
    expect(homeSchoolCode('sole', 'present', null)).toBe('B');
    expect(homeSchoolCode('sole', 'late', null)).toBe('B');
    expect(homeSchoolCode('sole', 'absent', null)).toBe('N');
    expect(homeSchoolCode('sole', 'absent', 'illness')).toBe('I');
    expect(homeSchoolCode('sole', 'absent', 'holiday')).toBe('G');
    expect(homeSchoolCode('dual', 'absent', 'illness')).toBe('D');
    // Education the local authority arranged: K where B would be; absences keep their reason's code.
    expect(homeSchoolCode('local_authority', 'present', null)).toBe('K');
    expect(homeSchoolCode('local_authority', 'late', null)).toBe('K');
    expect(homeSchoolCode('local_authority', 'absent', 'illness')).toBe('I');
  });

  it('works out rates with the DfE formula: D and other not-possible sessions are left out', () => {
    const codes = [...Array(16).fill('B'), 'I', 'N', 'D', 'D', 'Y1', 'O'];
    expect(attendanceRate(codes)).toEqual({
      possible: 19,
      attended: 16,
      authorised: 1,
      unauthorised: 2,
      attendancePercent: 84.2,
      absencePercent: 15.8,
      persistentAbsence: true,
      severeAbsence: false,
    });
    expect(attendanceRate(['N', 'N', 'B']).severeAbsence).toBe(true);
    expect(attendanceRate([]).attendancePercent).toBeNull();
  });

  it('gives the same rate from counted codes as from the codes one by one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('B', 'D', 'I', 'N', 'O', 'L', 'Y1', '/', 'zz')), (codes) => {
        const counts = new Map<string, number>();
        for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
        const counted = [...counts].map(([code, count]) => ({ code, count }));
        expect(attendanceRateOfCounts(counted)).toEqual(attendanceRate(codes));
      }),
    );
  });
});
