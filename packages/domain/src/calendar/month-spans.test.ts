import { describe, expect, it } from 'vitest';
import { monthSpans } from './month-spans.ts';

describe('monthSpans', () => {
  it('reads an academic year to a day in December as three whole months and a week of days', () => {
    expect(monthSpans('2026-09-01', '2026-12-07')).toEqual({
      months: { first: '2026-09-01', last: '2026-11-01' },
      edges: [{ from: '2026-12-01', to: '2026-12-07' }],
    });
  });

  it('takes a month whole only from its first day to its last', () => {
    // From the 1st: whole; from the 2nd: the rest of September is days.
    expect(monthSpans('2026-09-01', '2026-09-30')).toEqual({
      months: { first: '2026-09-01', last: '2026-09-01' },
      edges: [],
    });
    expect(monthSpans('2026-09-02', '2026-10-31')).toEqual({
      months: { first: '2026-10-01', last: '2026-10-01' },
      edges: [{ from: '2026-09-02', to: '2026-09-30' }],
    });
    // To the 29th of a 30-day month: that month is days.
    expect(monthSpans('2026-08-01', '2026-09-29')).toEqual({
      months: { first: '2026-08-01', last: '2026-08-01' },
      edges: [{ from: '2026-09-01', to: '2026-09-29' }],
    });
  });

  it('knows the last day of February, in a leap year and not, and of December', () => {
    expect(monthSpans('2028-02-01', '2028-02-29').edges).toEqual([]);
    expect(monthSpans('2028-02-01', '2028-02-28').months).toBeNull();
    expect(monthSpans('2027-02-01', '2027-02-28').edges).toEqual([]);
    expect(monthSpans('2026-12-01', '2026-12-31')).toEqual({
      months: { first: '2026-12-01', last: '2026-12-01' },
      edges: [],
    });
    expect(monthSpans('2026-11-15', '2027-01-10')).toEqual({
      months: { first: '2026-12-01', last: '2026-12-01' },
      edges: [
        { from: '2026-11-15', to: '2026-11-30' },
        { from: '2027-01-01', to: '2027-01-10' },
      ],
    });
  });

  it('leaves a period inside one month, or across two without a whole one, as days', () => {
    expect(monthSpans('2026-10-05', '2026-10-09')).toEqual({
      months: null,
      edges: [{ from: '2026-10-05', to: '2026-10-09' }],
    });
    expect(monthSpans('2026-10-20', '2026-11-10')).toEqual({
      months: null,
      edges: [{ from: '2026-10-20', to: '2026-11-10' }],
    });
    expect(monthSpans('2026-10-09', '2026-10-05')).toEqual({ months: null, edges: [] });
  });

  it('keeps an open end open', () => {
    expect(monthSpans()).toEqual({ months: {}, edges: [] });
    expect(monthSpans('2026-09-15')).toEqual({
      months: { first: '2026-10-01' },
      edges: [{ from: '2026-09-15', to: '2026-09-30' }],
    });
    expect(monthSpans(undefined, '2026-09-15')).toEqual({
      months: { last: '2026-08-01' },
      edges: [{ from: '2026-09-01', to: '2026-09-15' }],
    });
  });
});
