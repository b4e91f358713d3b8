import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedBankHolidays } from './bank-holidays.ts';
import { addDays, dayOfWeek } from './iso-date.ts';
import { CalendarNotDefinedError, createSchoolCalendar } from './school-calendar.ts';
import type { ClosureDay, HalfTerm } from './term-dates.ts';

// A real-shaped 2025/26 year: 195 days in school, 5 of them INSET, so 190 pupil days.
const halfTerms: HalfTerm[] = [
  { academicYear: '2025/26', term: 'autumn', half: 1, startsOn: '2025-09-01', endsOn: '2025-10-24' },
  { academicYear: '2025/26', term: 'autumn', half: 2, startsOn: '2025-11-03', endsOn: '2025-12-19' },
  { academicYear: '2025/26', term: 'spring', half: 1, startsOn: '2026-01-05', endsOn: '2026-02-13' },
  { academicYear: '2025/26', term: 'spring', half: 2, startsOn: '2026-02-23', endsOn: '2026-03-27' },
  { academicYear: '2025/26', term: 'summer', half: 1, startsOn: '2026-04-13', endsOn: '2026-05-22' },
  { academicYear: '2025/26', term: 'summer', half: 2, startsOn: '2026-06-01', endsOn: '2026-07-20' },
];
const closureDays: ClosureDay[] = ['2025-09-01', '2025-09-02', '2026-01-05', '2026-06-01', '2026-07-20'].map(
  (date) => ({
    date,
    kind: 'inset',
    note: 'INSET day',
  }),
);
const calendar = createSchoolCalendar({ halfTerms, closureDays, bankHolidays: shippedBankHolidays });

const nextYear: HalfTerm[] = [
  ['autumn', 1, '2026-09-01', '2026-10-23'],
  ['autumn', 2, '2026-11-02', '2026-12-18'],
  ['spring', 1, '2027-01-04', '2027-02-12'],
  ['spring', 2, '2027-02-22', '2027-03-25'],
  ['summer', 1, '2027-04-12', '2027-05-28'],
  ['summer', 2, '2027-06-07', '2027-07-21'],
].map(
  ([term, half, startsOn, endsOn]) => ({ academicYear: '2026/27', term, half, startsOn, endsOn }) as HalfTerm,
);
// Two years, so that n school days on from any date in 2025/26 stays inside entered term dates.
const twoYears = createSchoolCalendar({
  halfTerms: [...halfTerms, ...nextYear],
  closureDays,
  bankHolidays: shippedBankHolidays,
});

describe('is this a school day', () => {
  it('counts 190 pupil days in the year', () => {
    expect(calendar.schoolDaysBetween('2025-08-31', '2026-07-31')).toBe(190);
  });

  it('knows term days, weekends, holidays, INSET days and bank holidays', () => {
    expect(calendar.isSchoolDay('2025-09-03')).toBe(true); // first pupil day, a Wednesday
    expect(calendar.describeDay('2025-09-02')).toMatchObject({ isSchoolDay: false, reason: 'inset' });
    expect(calendar.describeDay('2025-09-06')).toMatchObject({ isSchoolDay: false, reason: 'weekend' });
    expect(calendar.describeDay('2025-10-29')).toMatchObject({
      isSchoolDay: false,
      reason: 'holiday',
      halfTerm: null,
    });
    expect(calendar.describeDay('2025-12-25')).toMatchObject({
      isSchoolDay: false,
      reason: 'bank_holiday',
      note: 'Christmas Day',
    });
    // The early May bank holiday falls in term: pupils are not in school.
    expect(calendar.describeDay('2026-05-04')).toMatchObject({
      isSchoolDay: false,
      reason: 'bank_holiday',
      note: 'Early May bank holiday',
    });
    expect(calendar.describeDay('2026-05-04').halfTerm?.term).toBe('summer');
    expect(calendar.isSchoolDay('2026-05-05')).toBe(true);
  });
});

describe('which half-term is a date in', () => {
  it('names the half-term, or none in the holidays', () => {
    expect(calendar.halfTermOf('2025-11-03')).toMatchObject({ term: 'autumn', half: 2 });
    expect(calendar.halfTermOf('2026-02-13')).toMatchObject({ term: 'spring', half: 1 });
    expect(calendar.halfTermOf('2026-02-16')).toBeNull();
    expect(calendar.halfTermOf('2026-07-20')).toMatchObject({ term: 'summer', half: 2 });
  });
});

describe('add N school days', () => {
  it('skips weekends, half-term holidays and bank holidays', () => {
    expect(calendar.addSchoolDays('2025-10-23', 2)).toBe('2025-11-03'); // Thu → Fri → (half-term) → Mon
    expect(calendar.addSchoolDays('2026-05-01', 1)).toBe('2026-05-05'); // Fri → (Sat, Sun, May Day) → Tue
    expect(calendar.addSchoolDays('2025-12-18', 2)).toBe('2026-01-06'); // over Christmas and an INSET day
  });

  it('counts backwards: an off-site direction starting Monday 3 Nov needs notice by Thursday 23 Oct', () => {
    expect(calendar.addSchoolDays('2025-11-03', -2)).toBe('2025-10-23');
  });

  it('returns the date itself for zero', () => {
    expect(calendar.addSchoolDays('2025-12-25', 0)).toBe('2025-12-25');
  });

  it('refuses to guess beyond the entered term dates', () => {
    expect(() => calendar.addSchoolDays('2026-07-15', 10)).toThrow(CalendarNotDefinedError);
    expect(() => createSchoolCalendar({ halfTerms: [] }).addSchoolDays('2026-01-01', 1)).toThrow(
      CalendarNotDefinedError,
    );
  });

  const anyDateInYear = fc.integer({ min: 0, max: 318 }).map((offset) => addDays('2025-09-01', offset));
  const steps = fc.integer({ min: 0, max: 60 });

  it('always lands on a school day, exactly n school days later', () => {
    fc.assert(
      fc.property(anyDateInYear, fc.integer({ min: 1, max: 60 }), (date, n) => {
        const result = twoYears.addSchoolDays(date, n);
        expect(twoYears.isSchoolDay(result)).toBe(true);
        expect(result > date).toBe(true);
        expect(twoYears.schoolDaysBetween(date, result)).toBe(n);
        expect([0, 6]).not.toContain(dayOfWeek(result));
      }),
    );
  });

  it('adding m then n is adding m + n', () => {
    fc.assert(
      fc.property(anyDateInYear, steps, steps, (date, m, n) => {
        expect(twoYears.addSchoolDays(twoYears.addSchoolDays(date, m), n)).toBe(
          twoYears.addSchoolDays(date, m + n),
        );
      }),
    );
  });

  it('going back n from a school day undoes going forward n', () => {
    fc.assert(
      fc.property(anyDateInYear, steps, (date, n) => {
        fc.pre(twoYears.isSchoolDay(date));
        expect(twoYears.addSchoolDays(twoYears.addSchoolDays(date, n), -n)).toBe(date);
      }),
    );
  });

  it('is monotonic: a later start never gives an earlier answer', () => {
    fc.assert(
      fc.property(anyDateInYear, anyDateInYear, steps, (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(twoYears.addSchoolDays(early, n) <= twoYears.addSchoolDays(late, n)).toBe(true);
      }),
    );
  });
});

describe('the edges of a school calendar', () => {
  it('describes a school day in full', () => {
    expect(calendar.describeDay('2025-11-04')).toEqual({
      date: '2025-11-04',
      isSchoolDay: true,
      reason: null,
      halfTerm: halfTerms[1],
      note: null,
    });
  });

  it('gives one reason a day is not a school day, the weekend before a bank holiday before the holidays', () => {
    // 6 September 2025 is a Saturday; Boxing Day 2025 a Friday in the Christmas holidays.
    const withSaturdayHoliday = createSchoolCalendar({
      halfTerms,
      bankHolidays: [
        { date: '2025-09-06', title: 'A Saturday' },
        { date: '2025-12-26', title: 'Boxing Day' },
        { date: '2025-11-05', title: 'In term' },
      ],
      closureDays: [
        { date: '2025-11-05', kind: 'closure', note: 'Boiler' },
        { date: '2025-11-06', kind: 'closure', note: '' },
        { date: '2025-10-29', kind: 'inset', note: 'In the holiday' },
      ],
    });
    const reasons = ['2025-09-06', '2025-12-26', '2025-11-05', '2025-11-06', '2025-10-29'].map((d) => {
      const { reason, note } = withSaturdayHoliday.describeDay(d);
      return [reason, note];
    });
    expect(reasons).toEqual([
      ['weekend', null],
      ['bank_holiday', 'Boxing Day'],
      ['bank_holiday', 'In term'],
      ['closure', null],
      ['holiday', null],
    ]);
  });

  it('reads half-terms given in any order, and knows the first and last days they cover', () => {
    const shuffled = createSchoolCalendar({
      halfTerms: [halfTerms[3]!, halfTerms[0]!, halfTerms[5]!, halfTerms[1]!],
    });
    expect(shuffled.coverage).toEqual({ firstDay: '2025-09-01', lastDay: '2026-07-20' });
    expect(shuffled.halfTermOf('2025-09-01')).toEqual(halfTerms[0]);
    expect(createSchoolCalendar({ halfTerms: [] }).coverage).toBeNull();
    // The last day is the latest end, even when an earlier-starting half-term ends later.
    const overlapping = createSchoolCalendar({
      halfTerms: [
        { ...halfTerms[0]!, endsOn: '2026-08-31' },
        { ...halfTerms[1]!, endsOn: '2025-12-19' },
      ],
    });
    expect(overlapping.coverage).toEqual({ firstDay: '2025-09-01', lastDay: '2026-08-31' });
  });

  it('counts up to the last covered day and no further, and says where it stopped', () => {
    // Monday 20 July 2026 is the last covered day, an INSET day; Friday 17 July the last pupil day.
    expect(calendar.addSchoolDays('2026-07-16', 1)).toBe('2026-07-17');
    const beyond = (() => {
      try {
        calendar.addSchoolDays('2026-07-17', 1);
      } catch (error) {
        return error as CalendarNotDefinedError;
      }
    })();
    expect(beyond).toBeInstanceOf(CalendarNotDefinedError);
    expect(beyond?.name).toBe('CalendarNotDefinedError');
    expect(beyond?.date).toBe('2026-07-21');
    expect(beyond?.message).toBe(
      'No term dates are entered around 2026-07-21, so school days cannot be counted there',
    );
    // Backwards, before the first covered day.
    expect(() => calendar.addSchoolDays('2025-09-03', -1)).toThrow('around 2025-08-31');
    expect(() => createSchoolCalendar({ halfTerms: [] }).addSchoolDays('2026-01-01', 1)).toThrow(
      'around 2026-01-01',
    );
  });

  it('takes whole numbers of school days only', () => {
    expect(() => calendar.addSchoolDays('2025-11-03', 1.5)).toThrow(
      new RangeError('A number of school days must be a whole number'),
    );
  });

  it('counts school days between two dates either way round, the first excluded and the last included', () => {
    expect(calendar.schoolDaysBetween('2025-11-03', '2025-11-07')).toBe(4);
    expect(calendar.schoolDaysBetween('2025-11-07', '2025-11-03')).toBe(-4);
    expect(calendar.schoolDaysBetween('2025-11-03', '2025-11-03')).toBe(0);
    expect(calendar.schoolDaysBetween('2025-11-07', '2025-11-10')).toBe(1);
  });

  it('refuses a date that is not one', () => {
    expect(() => calendar.halfTermOf('2025-02-30')).toThrow('Not a calendar date');
  });
});
