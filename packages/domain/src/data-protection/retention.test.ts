import { describe, expect, it } from 'vitest';
import {
  incidentRetentionKind,
  isPastRetention,
  keepUntil,
  pupilFileKeptUntil,
  retentionOverrideSchema,
  retentionReviewSchema,
  retentionSchedule,
} from './retention.ts';

describe('the retention schedule', () => {
  it('has the toolkit defaults, pupil records 25 years from birth and registers 6 years from entry', () => {
    const schedule = retentionSchedule();
    expect(schedule.map((k) => [k.kind, k.from, k.years, k.changedLocally])).toEqual([
      ['pupil_record', 'date_of_birth', 25, false],
      ['attendance_register', 'entry_date', 6, false],
      ['send_ehcp', 'date_of_birth', 31, false],
      ['child_protection', 'date_of_birth', 25, false],
      ['accident_records', 'date_of_birth', 25, false],
    ]);
  });

  it('takes a group’s own period where it set one, and says so', () => {
    const registers = retentionSchedule({ attendance_register: 3 }).find(
      (k) => k.kind === 'attendance_register',
    );
    expect(registers).toMatchObject({ years: 3, changedLocally: true });
    expect(retentionSchedule({ attendance_register: 3 }).filter((k) => k.changedLocally)).toHaveLength(1);
  });
});

describe('how long a record is kept', () => {
  it('to the day before the anniversary', () => {
    expect(keepUntil('2012-03-14', 25)).toBe('2037-03-13');
  });

  it('from 29 February, to the last day of February in a year without one', () => {
    expect(keepUntil('2012-02-29', 25)).toBe('2037-02-28');
    expect(keepUntil('2012-02-29', 28)).toBe('2040-02-28');
  });

  it.each([
    // Kept to 11 January 2031, the day before the sixth anniversary.
    ['2031-01-10', false],
    ['2031-01-11', false],
    ['2031-01-12', true],
  ])('a register entry of 12 January 2025 kept 6 years, on %s, is past its date: %s', (today, past) => {
    expect(isPastRetention('2025-01-12', 6, today)).toBe(past);
  });
});

describe('changing a period and deleting', () => {
  it.each([
    [0, 'Keep records at least a year'],
    [1, null],
    [100, null],
    [101, 'At most 100 years'],
    [2.5, 'Enter a whole number of years'],
  ])('%d years: %s', (years, problem) => {
    const result = retentionOverrideSchema.safeParse({ years });
    expect(result.success ? null : result.error.issues[0]!.message).toBe(problem);
  });

  it('needs a written review of at least 10 characters before anything is deleted', () => {
    expect(retentionReviewSchema.safeParse({ reviewNote: ' too short ' }).success).toBe(false);
    expect(retentionReviewSchema.safeParse({ reviewNote: '123456789' }).success).toBe(false);
    expect(retentionReviewSchema.parse({ reviewNote: ' 1234567890 ' }).reviewNote).toBe('1234567890');
  });
});

describe('each kind of record by its own period', () => {
  const years = (kind: string) =>
    ({ pupil_record: 25, child_protection: 30, accident_records: 25 })[kind] ?? 31;

  it('sorts concerns and incidents into child protection, accidents and the pupil file', () => {
    expect(incidentRetentionKind('safeguarding_concern')).toBe('child_protection');
    expect(incidentRetentionKind('missing_child')).toBe('child_protection');
    expect(incidentRetentionKind('accident_injury')).toBe('accident_records');
    expect(incidentRetentionKind('health_and_safety')).toBe('accident_records');
    expect(incidentRetentionKind('behaviour')).toBe('pupil_record');
  });

  it('keeps the file to the latest date of what it holds, leaving EHCP documents to their own', () => {
    expect(pupilFileKeptUntil('2012-03-14', years, [])).toEqual({
      until: '2037-03-13',
      kind: 'pupil_record',
    });
    expect(pupilFileKeptUntil('2012-03-14', years, ['accident_records'])).toEqual({
      until: '2037-03-13',
      kind: 'pupil_record',
    });
    expect(pupilFileKeptUntil('2012-03-14', years, ['child_protection', 'accident_records'])).toEqual({
      until: '2042-03-13',
      kind: 'child_protection',
    });
    expect(pupilFileKeptUntil('2012-03-14', years, ['send_ehcp'])).toEqual({
      until: '2037-03-13',
      kind: 'pupil_record',
    });
  });
});
