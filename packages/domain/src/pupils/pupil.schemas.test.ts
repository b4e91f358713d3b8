import { describe, expect, it } from 'vitest';
import { isCompulsorySchoolAge, pupilInputSchema, yearGroupLabel, yearGroupOn } from './pupil.schemas.ts';

describe('year group', () => {
  it('follows the age on 31 August before the academic year', () => {
    // Born 1 September 2012: the youngest of their year; 13 on 31 August 2026 would be wrong.
    expect(yearGroupOn('2012-09-01', '2026-11-29')).toBe(9);
    expect(yearGroupOn('2012-08-31', '2026-11-29')).toBe(10);
    expect(yearGroupOn('2012-08-31', '2026-07-20')).toBe(9);
    expect(yearGroupLabel(yearGroupOn('2022-01-10', '2026-11-29'))).toBe('Reception');
  });

  it('moves up a year on 1 September', () => {
    expect(yearGroupOn('2012-08-31', '2026-08-31')).toBe(9);
    expect(yearGroupOn('2012-08-31', '2026-09-01')).toBe(10);
  });

  it('names nursery, reception and the years', () => {
    expect([-1, 0, 1, 11].map(yearGroupLabel)).toEqual(['Nursery', 'Reception', 'Year 1', 'Year 11']);
  });

  it('is of compulsory school age from Year 1 to Year 11', () => {
    expect([0, 1, 11, 12].map(isCompulsorySchoolAge)).toEqual([false, true, true, false]);
  });
});

describe('pupil record', () => {
  const valid = {
    schoolId: '00000000-0000-4000-8000-000000000001',
    upn: 'R201100018042',
    legalFirstName: 'Jordan',
    legalLastName: 'Reeve',
    dateOfBirth: '2012-03-14',
    sex: 'M',
    senStatus: 'ehcp',
    ehcpLocalAuthority: 'Liverpool',
    lookedAfter: false,
  };

  it('accepts a complete record', () => {
    expect(pupilInputSchema.safeParse(valid).success).toBe(true);
  });

  it('names each field that is wrong', () => {
    const result = pupilInputSchema.safeParse({
      ...valid,
      upn: 'A201100018042',
      uln: '9276308687',
      ehcpLocalAuthority: '',
      lookedAfter: true,
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['upn', 'The check letter does not match: for these digits it would be R'],
        ['uln', 'The check digit does not match: for these digits it would be 6'],
        ['ehcpLocalAuthority', 'Name the local authority that maintains the EHCP'],
        ['virtualSchoolContact', 'Give the virtual school contact for a looked-after pupil'],
      ]),
    );
  });
});
