import { validateTermDates } from '@waymark/domain';
import { describe, expect, it } from 'vitest';
import { demoTermDatesAround, demoTermDatesFor, demoYearStart, easterSunday } from './demo-calendar.ts';

describe("the living demo's term dates", () => {
  it('finds Easter Sunday for years whose dates are known', () => {
    expect(['2025', '2026', '2027', '2028', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2038-04-25',
    ]);
  });

  it('follows the usual English pattern: 2026/27 as Liverpool published it, bar Easter', () => {
    const { halfTerms, closureDays } = demoTermDatesFor(2026);
    expect(halfTerms.map((h) => [h.term, h.half, h.startsOn, h.endsOn])).toEqual([
      ['autumn', 1, '2026-09-01', '2026-10-23'],
      ['autumn', 2, '2026-11-02', '2026-12-18'],
      ['spring', 1, '2027-01-04', '2027-02-12'],
      ['spring', 2, '2027-02-22', '2027-03-19'],
      ['summer', 1, '2027-04-05', '2027-05-28'],
      ['summer', 2, '2027-06-07', '2027-07-21'],
    ]);
    expect(halfTerms.every((h) => h.academicYear === '2026/27')).toBe(true);
    expect(closureDays.map((c) => c.date)).toEqual([
      '2026-09-01',
      '2026-09-02',
      '2027-01-04',
      '2027-06-07',
      '2027-07-21',
    ]);
  });

  it('keeps the summer holiday from a Friday when 21 July is a weekend, and starts autumn on a weekday', () => {
    // 1 September 2029 is a Saturday; 21 July 2030 is a Sunday.
    const { halfTerms, closureDays } = demoTermDatesFor(2029);
    expect(halfTerms[0]!.startsOn).toBe('2029-09-03');
    expect(closureDays.slice(0, 2).map((c) => c.date)).toEqual(['2029-09-03', '2029-09-04']);
    expect(halfTerms[5]!.endsOn).toBe('2030-07-19');
  });

  it('gives term dates Waymark accepts for every year from 2024 to 2040', () => {
    for (let year = 2024; year <= 2040; year++) {
      const { halfTerms, closureDays } = demoTermDatesFor(year);
      const academicYear = halfTerms[0]!.academicYear;
      expect(validateTermDates(academicYear, halfTerms, closureDays), academicYear).toEqual([]);
    }
  });

  it("gives the pupils' school year, the one before and the one after, turning when autumn term starts", () => {
    const years = (today: string) => demoTermDatesAround(today).map((y) => y.halfTerms[0]!.academicYear);
    expect(years('2026-12-06')).toEqual(['2025/26', '2026/27', '2027/28']);
    expect(years('2027-08-10')).toEqual(['2025/26', '2026/27', '2027/28']);
    expect(years('2027-09-01')).toEqual(['2026/27', '2027/28', '2028/29']);
  });

  it("starts the pupils' school year on this autumn's first day once it has come, else last autumn's", () => {
    expect(demoYearStart('2026-12-06')).toBe('2026-09-01');
    expect(demoYearStart('2026-09-01')).toBe('2026-09-01');
    expect(demoYearStart('2026-08-31')).toBe('2025-09-01');
    expect(demoYearStart('2027-08-10')).toBe('2026-09-01');
  });
});
