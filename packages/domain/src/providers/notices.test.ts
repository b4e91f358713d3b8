import { describe, expect, it } from 'vitest';
import { shippedBankHolidays } from '../calendar/bank-holidays.ts';
import { assuranceTermOf, isLateNotice, nextWorkingDay } from './notices.ts';

describe('notice deadlines', () => {
  it('counts one working day past weekends and bank holidays', () => {
    expect(nextWorkingDay('2026-01-09', shippedBankHolidays)).toBe('2026-01-12');
    // Good Friday 3 April and Easter Monday 6 April 2026.
    expect(nextWorkingDay('2026-04-02', shippedBankHolidays)).toBe('2026-04-07');
    expect(isLateNotice('safeguarding_policy_change', '2026-04-02', '2026-04-07', shippedBankHolidays)).toBe(
      false,
    );
    expect(isLateNotice('safeguarding_policy_change', '2026-04-02', '2026-04-08', shippedBankHolidays)).toBe(
      true,
    );
  });

  it('wants a change of leads the same day and new staff before they start', () => {
    expect(isLateNotice('dsl_change', '2026-01-12', '2026-01-12', shippedBankHolidays)).toBe(false);
    expect(isLateNotice('dsl_change', '2026-01-12', '2026-01-13', shippedBankHolidays)).toBe(true);
    expect(isLateNotice('new_staff', '2026-01-19', '2026-01-12', shippedBankHolidays)).toBe(false);
    expect(isLateNotice('new_staff', '2026-01-19', '2026-01-20', shippedBankHolidays)).toBe(true);
  });

  it('names the term of the termly assurance', () => {
    expect(assuranceTermOf('2026-11-29')).toEqual({
      label: 'Autumn 2026',
      startsOn: '2026-09-01',
      endsOn: '2026-12-31',
    });
    expect(assuranceTermOf('2026-03-31').label).toBe('Spring 2026');
    expect(assuranceTermOf('2026-08-31').label).toBe('Summer 2026');
  });
});
