/**
 * Term dates for the living demo, worked out from the day Waymark starts, so the demo is always in a
 * school year in progress. The pattern is an English local authority's usual one: autumn from the first
 * weekday of September with a half-term in the week of the last Monday of October, Christmas from the
 * last Friday before 21 December, a February half-term in the week of the third Monday, a fortnight at
 * Easter around Good Friday and Easter Monday, a May half-term in the week of the spring bank holiday,
 * and the summer holiday from 21 July (or the Friday before it). INSET days fall where schools put them.
 */
import {
  academicYearOf,
  academicYearStartingIn,
  addDays,
  type ClosureDay,
  dayOfWeek,
  type HalfTerm,
  type IsoDate,
} from '@waymark/domain';
import { halfTermsFrom, type TermPattern } from './demo-trust.ts';

const iso = (year: number, month: number, day: number): IsoDate =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The first date on or after `date` that falls on `weekday` (0 = Sunday … 6 = Saturday). */
function onOrAfter(date: IsoDate, weekday: number): IsoDate {
  return addDays(date, (weekday - dayOfWeek(date) + 7) % 7);
}

/** The last date on or before `date` that falls on `weekday`. */
function onOrBefore(date: IsoDate, weekday: number): IsoDate {
  return addDays(date, -((dayOfWeek(date) - weekday + 7) % 7));
}

const MONDAY = 1;
const FRIDAY = 5;

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** One academic year's half-terms and INSET days, for the year starting in September of `year`. */
export function demoTermDatesFor(year: number): { halfTerms: HalfTerm[]; closureDays: ClosureDay[] } {
  const academicYear = academicYearStartingIn(year);
  const next = year + 1;
  const autumnStarts = firstWeekday(iso(year, 9, 1));
  const octoberBreak = onOrBefore(iso(year, 10, 31), MONDAY);
  const christmasFrom = onOrBefore(iso(year, 12, 20), FRIDAY);
  const springStarts = onOrAfter(iso(next, 1, 3), MONDAY);
  const februaryBreak = addDays(onOrAfter(iso(next, 2, 1), MONDAY), 14);
  const holyWeek = addDays(easterSunday(next), -6);
  const mayBreak = onOrBefore(iso(next, 5, 31), MONDAY);
  const summerEnds = lastWeekday(iso(next, 7, 21));
  const spans: TermPattern = [
    [autumnStarts, addDays(octoberBreak, -3)],
    [addDays(octoberBreak, 7), christmasFrom],
    [springStarts, addDays(februaryBreak, -3)],
    [addDays(februaryBreak, 7), addDays(holyWeek, -3)],
    [addDays(holyWeek, 14), addDays(mayBreak, -3)],
    [addDays(mayBreak, 7), summerEnds],
  ];
  const halfTerms = halfTermsFrom(academicYear, spans);
  const inset = (date: IsoDate): ClosureDay => ({ date, kind: 'inset', note: 'INSET day' });
  const closureDays = [
    inset(autumnStarts),
    inset(firstWeekday(addDays(autumnStarts, 1))),
    inset(springStarts),
    inset(spans[5]![0]),
    inset(summerEnds),
  ];
  return { halfTerms, closureDays };
}

function firstWeekday(date: IsoDate): IsoDate {
  const day = dayOfWeek(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

function lastWeekday(date: IsoDate): IsoDate {
  const day = dayOfWeek(date);
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

/**
 * The pupils' school year (see `demoYearStart`), the one before it and the one after (schools publish
 * a year ahead). In August that is last year, this one and next as Waymark counts years (from 1
 * August), so today always has term dates.
 */
export function demoTermDatesAround(today: IsoDate) {
  const pupilsYear = Number(demoYearStart(today).slice(0, 4));
  return [pupilsYear - 1, pupilsYear, pupilsYear + 1].map(demoTermDatesFor);
}

/**
 * The first day of the school year the demo's pupils are in: this year's autumn term once it has begun,
 * otherwise (in August, or on 1 September before term) last year's.
 */
export function demoYearStart(today: IsoDate): IsoDate {
  const thisYear = Number(academicYearOf(today).slice(0, 4));
  const autumn = demoTermDatesFor(thisYear).halfTerms[0]!.startsOn;
  return autumn <= today ? autumn : demoTermDatesFor(thisYear - 1).halfTerms[0]!.startsOn;
}
