import { describe, expect, it } from 'vitest';
import { shippedBankHolidays } from '../calendar/bank-holidays.ts';
import {
  assuranceTermOf,
  isLateNotice,
  nextWorkingDay,
  providerNoticeInputSchema,
  termlyAssurance,
} from './notices.ts';

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

  it('counts the termly assurance as given from the term’s first day, owed when dated the day before', () => {
    expect(termlyAssurance('2026-09-01', '2026-12-07').given).toBe(true);
    expect(termlyAssurance('2026-08-31', '2026-12-07').given).toBe(false);
    expect(termlyAssurance(null, '2026-09-01')).toEqual({
      term: { label: 'Autumn 2026', startsOn: '2026-09-01', endsOn: '2026-12-31' },
      given: false,
    });
  });
});

describe('notice deadlines at their edges', () => {
  it('takes a change of leads told the day before it happens, and new staff told the day they start', () => {
    expect(isLateNotice('deputy_dsl_change', '2026-01-12', '2026-01-11', shippedBankHolidays)).toBe(false);
    expect(isLateNotice('new_staff', '2026-01-19', '2026-01-19', shippedBankHolidays)).toBe(false);
  });

  it('never counts the termly filtering assurance as late', () => {
    expect(isLateNotice('filtering_assurance', '2026-01-12', '2026-12-31', shippedBankHolidays)).toBe(false);
  });

  it('gives each term of the assurance its first and last days', () => {
    expect(['2026-01-01', '2026-04-01', '2026-08-31', '2026-09-01'].map(assuranceTermOf)).toEqual([
      { label: 'Spring 2026', startsOn: '2026-01-01', endsOn: '2026-03-31' },
      { label: 'Summer 2026', startsOn: '2026-04-01', endsOn: '2026-08-31' },
      { label: 'Summer 2026', startsOn: '2026-04-01', endsOn: '2026-08-31' },
      { label: 'Autumn 2026', startsOn: '2026-09-01', endsOn: '2026-12-31' },
    ]);
  });

  it('asks the provider to confirm every check is complete for a new member of staff only', () => {
    const notice = { kind: 'new_staff', effectiveOn: '2026-01-19', details: 'A new tutor, Sam' };
    expect(providerNoticeInputSchema.safeParse(notice).error?.issues).toEqual([
      expect.objectContaining({
        path: ['checksAssured'],
        message:
          'Confirm that every check is complete. Until it is, they must not work with the school’s pupils',
      }),
    ]);
    expect(providerNoticeInputSchema.safeParse({ ...notice, checksAssured: false }).success).toBe(false);
    expect(providerNoticeInputSchema.safeParse({ ...notice, checksAssured: true }).success).toBe(true);
    expect(
      providerNoticeInputSchema.safeParse({
        ...notice,
        kind: 'dsl_change',
        newPerson: { name: 'Dawn Okafor' },
      }).success,
    ).toBe(true);
  });

  it('asks who the new DSL or deputy is, so the provider’s record can say so', () => {
    const change = {
      kind: 'deputy_dsl_change',
      effectiveOn: '2026-01-12',
      details: 'Ian Ross is the deputy',
    };
    expect(providerNoticeInputSchema.safeParse(change).success).toBe(false);
    expect(providerNoticeInputSchema.safeParse({ ...change, newPerson: { name: 'Ian Ross' } }).success).toBe(
      true,
    );
    expect(providerNoticeInputSchema.safeParse({ ...change, kind: 'senior_leadership_change' }).success).toBe(
      true,
    );
  });
});
