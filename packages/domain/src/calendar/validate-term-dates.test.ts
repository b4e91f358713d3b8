import { describe, expect, it } from 'vitest';
import { bankHolidaysFromGovUk, govUkBankHolidaysSchema, shippedBankHolidays } from './bank-holidays.ts';
import type { HalfTerm } from './term-dates.ts';
import { academicYearOf } from './term-dates.ts';
import { validateTermDates } from './validate-term-dates.ts';

const year: HalfTerm[] = [
  { academicYear: '2026/27', term: 'autumn', half: 1, startsOn: '2026-09-01', endsOn: '2026-10-23' },
  { academicYear: '2026/27', term: 'autumn', half: 2, startsOn: '2026-11-02', endsOn: '2026-12-18' },
  { academicYear: '2026/27', term: 'spring', half: 1, startsOn: '2027-01-04', endsOn: '2027-02-12' },
  { academicYear: '2026/27', term: 'spring', half: 2, startsOn: '2027-02-22', endsOn: '2027-03-25' },
  { academicYear: '2026/27', term: 'summer', half: 1, startsOn: '2027-04-12', endsOn: '2027-05-28' },
  { academicYear: '2026/27', term: 'summer', half: 2, startsOn: '2027-06-07', endsOn: '2027-07-21' },
];

describe('validating a year of term dates', () => {
  it('accepts a sound year', () => {
    expect(validateTermDates('2026/27', year, [{ date: '2026-09-01' }])).toEqual([]);
  });

  it('names the half-term that overlaps the one before it', () => {
    const overlapping = year.map((h, i) => (i === 1 ? { ...h, startsOn: '2026-10-20' } : h));
    expect(validateTermDates('2026/27', overlapping, [])).toEqual([
      { path: 'halfTerms.1.startsOn', message: 'Autumn 2 must start after Autumn 1 ends (23 Oct 2026)' },
    ]);
  });

  it('wants all six half-terms, each once, inside the school year', () => {
    const errors = validateTermDates(
      '2026/27',
      [...year.slice(0, 5), { ...year[0]!, startsOn: '2027-08-02', endsOn: '2027-08-05' }],
      [],
    );
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['halfTerms.5.half', 'halfTerms.5.startsOn', 'halfTerms']),
    );
  });

  it('refuses closure days at weekends, in holidays or twice', () => {
    const errors = validateTermDates('2026/27', year, [
      { date: '2026-09-05' },
      { date: '2026-10-28' },
      { date: '2026-09-01' },
      { date: '2026-09-01' },
    ]);
    expect(errors).toEqual([
      { path: 'closureDays.0.date', message: 'This date is a weekend; enter only closures on weekdays' },
      { path: 'closureDays.1.date', message: 'This date is not in any half-term; closures fall within term' },
      { path: 'closureDays.3.date', message: 'This date is entered twice' },
    ]);
  });
});

describe('academic years and bank holidays', () => {
  it('puts August in the new year and July in the old', () => {
    expect(academicYearOf('2026-08-01')).toBe('2026/27');
    expect(academicYearOf('2026-07-31')).toBe('2025/26');
    expect(academicYearOf('2099-09-01')).toBe('2099/00');
  });

  it('ships the GOV.UK England and Wales bank holidays for 2024 to 2027, in date order', () => {
    expect(shippedBankHolidays.find((b) => b.date === '2026-08-31')?.title).toBe('Summer bank holiday');
    expect(shippedBankHolidays.at(0)!.date).toBe('2024-01-01');
    expect(shippedBankHolidays.map((b) => b.date)).toEqual(
      [...shippedBankHolidays.map((b) => b.date)].sort(),
    );
  });

  it('refuses a file that is not in the GOV.UK shape', () => {
    expect(govUkBankHolidaysSchema.safeParse({ scotland: {} }).success).toBe(false);
    const parsed = govUkBankHolidaysSchema.parse({
      'england-and-wales': {
        division: 'england-and-wales',
        events: [{ title: 'Extra', date: '2028-01-03', notes: '', bunting: true }],
      },
    });
    expect(bankHolidaysFromGovUk(parsed)).toEqual([{ date: '2028-01-03', title: 'Extra' }]);
  });
});
