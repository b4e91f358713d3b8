import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateInWords,
  dayOfWeek,
  fromDayNumber,
  isValidIsoDate,
  isWeekend,
  maybeDateInWords,
  momentInWords,
  timeInLondon,
  toDayNumber,
  todayInLondon,
} from './iso-date.ts';
import { isoDateSchema } from './iso-date-schema.ts';

describe('ISO dates', () => {
  it('accepts real dates only, in the YYYY-MM-DD form only', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2027-02-29')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    expect(isValidIsoDate('2026-12-31')).toBe(true);
    expect(isValidIsoDate('2026-1-05')).toBe(false);
    expect(isValidIsoDate(' 2026-01-05')).toBe(false);
    expect(isValidIsoDate('2026-01-05T00:00')).toBe(false);
    expect(isValidIsoDate('x2026-01-05')).toBe(false);
    expect(isoDateSchema.safeParse('2026-02-30').error?.issues[0]?.message).toBe(
      'Enter a real date in the form YYYY-MM-DD',
    );
  });

  it('counts days from 1 January 1970, and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('2026-01-05')).toBe(20458);
    expect(fromDayNumber(20458)).toBe('2026-01-05');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(() => toDayNumber('2026-02-30')).toThrow('Not a calendar date: 2026-02-30');
  });

  it('adds days across months, years and the clock change', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-05', 0)).toBe('2026-01-05');
  });

  it('knows the day of the week, before 1970 too', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-01-04')).toBe(0);
    expect(dayOfWeek('2026-01-05')).toBe(1);
    expect(dayOfWeek('2026-01-10')).toBe(6);
    expect(dayOfWeek('1969-12-28')).toBe(0);
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(['2026-01-03', '2026-01-04', '2026-01-05', '2026-01-09'].map(isWeekend)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('gives the date in London, an hour ahead of UTC in summer', () => {
    expect(todayInLondon(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(todayInLondon(new Date('2026-01-01T23:30:00Z'))).toBe('2026-01-01');
  });
});

describe('dates in words', () => {
  it('reads a date as people do: short, with its weekday, or long for a letter', () => {
    expect(dateInWords('2026-10-06')).toBe('6 Oct 2026');
    expect(dateInWords('2026-10-06', { weekday: true })).toBe('Tue 6 Oct 2026');
    expect(dateInWords('2027-05-05', { long: true })).toBe('Wednesday 5 May 2027');
    expect(dateInWords('2028-02-29', { long: true })).toBe('Tuesday 29 February 2028');
  });

  it("reads an instant at London's wall clock, in winter and in summer, wherever the reader is", () => {
    expect(momentInWords('2026-12-07T09:30:00Z')).toBe('7 Dec 2026, 09:30');
    expect(momentInWords('2026-06-01T08:05:00Z', { weekday: true })).toBe('Mon 1 Jun 2026, 09:05');
    // Just before midnight UTC in summer is already the next day in London.
    expect(momentInWords('2026-06-01T23:30:00Z')).toBe('2 Jun 2026, 00:30');
    expect(timeInLondon(new Date('2026-03-29T00:59:00Z'))).toBe('00:59');
    expect(timeInLondon(new Date('2026-03-29T01:00:00Z'))).toBe('02:00');
  });

  it('prints a dash, or the words given, for a date not set', () => {
    expect(maybeDateInWords(null)).toBe('—');
    expect(maybeDateInWords(undefined, 'not set')).toBe('not set');
    expect(maybeDateInWords('2026-10-06')).toBe('6 Oct 2026');
  });
});
