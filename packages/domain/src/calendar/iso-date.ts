/**
 * Calendar dates as ISO strings (YYYY-MM-DD). A school day is a date in Europe/London, not an instant,
 * so the arithmetic here works on whole days and never touches time zones.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Days since 1970-01-01: a number that sorts, subtracts and adds like a date. */
export function toDayNumber(date: IsoDate): number {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** Today's date as a school in England sees it (or the London date of any instant). */
export function todayInLondon(now: Date = new Date()): IsoDate {
  return londonDate.format(now);
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** London's offset from UTC at an instant, in milliseconds (0 in winter, an hour in summer). */
function londonOffsetMs(at: number): number {
  const part = Object.fromEntries(londonParts.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(part.year!, part.month! - 1, part.day, part.hour, part.minute, part.second);
  return wall - (at - (at % 1000));
}

/** The instant a London wall clock shows `value` ("2026-01-12T09:15"), in British Summer Time or not. */
export function londonWallTime(value: string): Date {
  const wall = Date.parse(`${value}Z`);
  const guess = wall - londonOffsetMs(wall);
  return new Date(wall - londonOffsetMs(guess));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A calendar date as people read it: "6 Oct 2026", with `weekday` "Tue 6 Oct 2026", and `long`
 * "Tuesday 6 October 2026" (for letters to parents). An ISO date is already a London date.
 */
export function dateInWords(date: IsoDate, options: { weekday?: boolean; long?: boolean } = {}): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthName = MONTHS[month - 1]!;
  const weekdayName = WEEKDAYS[dayOfWeek(date)]!;
  const words = `${day} ${options.long ? monthName : monthName.slice(0, 3)} ${year}`;
  if (!options.weekday && !options.long) return words;
  return `${options.long ? weekdayName : weekdayName.slice(0, 3)} ${words}`;
}

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
});

/** The London wall-clock time of an instant, "09:30", whatever the reader's own time zone. */
export function timeInLondon(instant: Date | string): string {
  return londonClock.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/**
 * An instant as people read it, in London: "6 Oct 2026, 09:30" (`weekday` adds "Tue "). Kept next
 * to `dateInWords` so a page, a PDF and an email print the same moment the same way.
 */
export function momentInWords(instant: Date | string, options: { weekday?: boolean } = {}): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  return `${dateInWords(todayInLondon(at), options)}, ${timeInLondon(at)}`;
}

/** `dateInWords` for a date that may be missing: `fallback` (a dash by default) when it is. */
export function maybeDateInWords(date: IsoDate | null | undefined, fallback = '—'): string {
  return date ? dateInWords(date) : fallback;
}
