import { describe, expect, it } from 'vitest';
import { parseTypedDate, typedDate } from './typed-date.ts';

describe('a date as a person types it', () => {
  it('reads day, then month, then year, whatever the separator', () => {
    expect(parseTypedDate('6/10/2026')).toBe('2026-10-06');
    expect(parseTypedDate('06-10-2026')).toBe('2026-10-06');
    expect(parseTypedDate('6.10.26')).toBe('2026-10-06');
    expect(parseTypedDate(' 6 10 2026 ')).toBe('2026-10-06');
  });

  it('never reads the American month first: 10/6 is the tenth of June', () => {
    expect(parseTypedDate('10/6/2026')).toBe('2026-06-10');
    expect(parseTypedDate('12/31/2026')).toBeNull();
  });

  it('reads months in words, with or without a weekday', () => {
    expect(parseTypedDate('6 Oct 2026')).toBe('2026-10-06');
    expect(parseTypedDate('Tue 6th October 2026')).toBe('2026-10-06');
    expect(parseTypedDate('1 Sept 2026')).toBe('2026-09-01');
    expect(parseTypedDate('6 Oc 2026')).toBeNull();
    expect(parseTypedDate('6 Octobre 2026')).toBeNull();
  });

  it('takes an ISO date pasted from a spreadsheet', () => {
    expect(parseTypedDate('2026-10-06')).toBe('2026-10-06');
  });

  it('refuses days that do not exist and text that is not a date', () => {
    expect(parseTypedDate('29/02/2027')).toBeNull();
    expect(parseTypedDate('29/02/2028')).toBe('2028-02-29');
    expect(parseTypedDate('31/4/2026')).toBeNull();
    expect(parseTypedDate('')).toBeNull();
    expect(parseTypedDate('next Tuesday')).toBeNull();
  });

  it('shows a stored date day first, with two-digit day and month', () => {
    expect(typedDate('2026-10-06')).toBe('06/10/2026');
  });
});
