import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  academicYearSchema,
  academicYearStartingIn,
  halfTermIndex,
  halfTermInputSchema,
  halfTermLabel,
  shiftAcademicYear,
} from './term-dates.ts';

const messages = (result: { error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('academic years', () => {
  it('takes years written as 2025/26, the second following the first, across a century', () => {
    expect(academicYearSchema.safeParse('2025/26').success).toBe(true);
    expect(academicYearSchema.safeParse('2099/00').success).toBe(true);
    expect(messages(academicYearSchema.safeParse('2025/27'))).toEqual([
      ': The second year must follow the first, as in 2025/26',
    ]);
    expect(messages(academicYearSchema.safeParse('2025/25'))).toEqual([
      ': The second year must follow the first, as in 2025/26',
    ]);
    expect(messages(academicYearSchema.safeParse('2025-26'))).toContain(': Use the form 2025/26');
  });

  it('names the year a date is in, from 1 August', () => {
    expect(academicYearOf('2026-07-31')).toBe('2025/26');
    expect(academicYearOf('2026-08-01')).toBe('2026/27');
    expect(academicYearStartingIn(2009)).toBe('2009/10');
    expect(academicYearStartingIn(1999)).toBe('1999/00');
  });

  it('moves a year on or back', () => {
    expect(shiftAcademicYear('2025/26', 1)).toBe('2026/27');
    expect(shiftAcademicYear('2025/26', -2)).toBe('2023/24');
    expect(shiftAcademicYear('2025/26', 0)).toBe('2025/26');
  });
});

describe('half-terms', () => {
  it('numbers them Autumn 1 = 0 to Summer 2 = 5, with the names schools use', () => {
    expect(
      (['autumn', 'spring', 'summer'] as const).flatMap((term) =>
        ([1, 2] as const).map((half) => [halfTermLabel({ term, half }), halfTermIndex({ term, half })]),
      ),
    ).toEqual([
      ['Autumn 1', 0],
      ['Autumn 2', 1],
      ['Spring 1', 2],
      ['Spring 2', 3],
      ['Summer 1', 4],
      ['Summer 2', 5],
    ]);
  });

  it('takes a half-term of one day, and refuses one that ends before it starts', () => {
    const half = {
      academicYear: '2025/26',
      term: 'autumn',
      half: 1,
      startsOn: '2025-09-01',
      endsOn: '2025-09-01',
    };
    expect(halfTermInputSchema.safeParse(half).success).toBe(true);
    expect(messages(halfTermInputSchema.safeParse({ ...half, endsOn: '2025-08-31' }))).toEqual([
      'endsOn: The last day must be on or after the first day',
    ]);
  });
});
