/**
 * One school's calendar: which dates are school days, which half-term a date is in, and school-day
 * arithmetic ("at least 2 school days before", "within 5 school days"). Pure: the caller loads the
 * school's half-terms, closure days and the bank holidays and passes them in.
 */
import { dayOfWeek, fromDayNumber, type IsoDate, toDayNumber } from './iso-date.ts';
import type { BankHoliday, ClosureDay, HalfTerm } from './term-dates.ts';

export class CalendarNotDefinedError extends Error {
  constructor(readonly date: IsoDate) {
    super(`No term dates are entered around ${date}, so school days cannot be counted there`);
    this.name = 'CalendarNotDefinedError';
  }
}

export const nonSchoolDayReasons = ['weekend', 'holiday', 'bank_holiday', 'inset', 'closure'] as const;
export type NonSchoolDayReason = (typeof nonSchoolDayReasons)[number];

export const nonSchoolDayReasonLabels: Record<NonSchoolDayReason, string> = {
  weekend: 'Weekend',
  holiday: 'School holiday',
  bank_holiday: 'Bank holiday',
  inset: 'INSET day',
  closure: 'School closed',
};

export interface DayInfo {
  date: IsoDate;
  isSchoolDay: boolean;
  /** Why pupils are not in school, when they are not. */
  reason: NonSchoolDayReason | null;
  halfTerm: HalfTerm | null;
  note: string | null;
}

export interface SchoolCalendar {
  isSchoolDay(date: IsoDate): boolean;
  describeDay(date: IsoDate): DayInfo;
  /** The half-term containing the date (holidays between half-terms belong to none). */
  halfTermOf(date: IsoDate): HalfTerm | null;
  /** The date n school days after (n > 0) or before (n < 0) the given date; n = 0 returns it unchanged. */
  addSchoolDays(date: IsoDate, n: number): IsoDate;
  /** School days after `from` up to and including `to`; negative when `to` is before `from`. */
  schoolDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The first and last dates the entered term dates cover, or null with none entered. */
  readonly coverage: { firstDay: IsoDate; lastDay: IsoDate } | null;
}

export function createSchoolCalendar({
  halfTerms,
  closureDays = [],
  bankHolidays = [],
}: {
  halfTerms: readonly HalfTerm[];
  closureDays?: readonly ClosureDay[];
  bankHolidays?: readonly BankHoliday[];
}): SchoolCalendar {
  const sortedHalfTerms = [...halfTerms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const closures = new Map(closureDays.map((c) => [c.date, c]));
  const holidays = new Map(bankHolidays.map((b) => [b.date, b]));
  const coverage =
    sortedHalfTerms.length === 0
      ? null
      : {
          firstDay: sortedHalfTerms[0]!.startsOn,
          lastDay: sortedHalfTerms
            .map((h) => h.endsOn)
            .sort()
            .at(-1)!,
        };

  function halfTermOf(date: IsoDate): HalfTerm | null {
    toDayNumber(date); // rejects a malformed date early
    return sortedHalfTerms.find((h) => h.startsOn <= date && date <= h.endsOn) ?? null;
  }

  function describeDay(date: IsoDate): DayInfo {
    const halfTerm = halfTermOf(date);
    const weekday = dayOfWeek(date);
    const bankHoliday = holidays.get(date);
    const closure = closures.get(date);
    let reason: NonSchoolDayReason | null = null;
    let note: string | null = null;
    if (weekday === 0 || weekday === 6) reason = 'weekend';
    else if (bankHoliday) [reason, note] = ['bank_holiday', bankHoliday.title];
    else if (!halfTerm) reason = 'holiday';
    else if (closure) [reason, note] = [closure.kind, closure.note || null];
    return { date, isSchoolDay: reason === null, reason, halfTerm, note };
  }

  function isSchoolDay(date: IsoDate): boolean {
    return describeDay(date).isSchoolDay;
  }

  function assertCovered(dayNumber: number, startDate: IsoDate): void {
    if (!coverage) throw new CalendarNotDefinedError(startDate);
    if (dayNumber < toDayNumber(coverage.firstDay) || dayNumber > toDayNumber(coverage.lastDay)) {
      throw new CalendarNotDefinedError(fromDayNumber(dayNumber));
    }
  }

  function addSchoolDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError('A number of school days must be a whole number');
    const step = Math.sign(n);
    let remaining = Math.abs(n);
    let dayNumber = toDayNumber(date);
    while (remaining > 0) {
      dayNumber += step;
      assertCovered(dayNumber, date);
      if (isSchoolDay(fromDayNumber(dayNumber))) remaining--;
    }
    return fromDayNumber(dayNumber);
  }

  function schoolDaysBetween(from: IsoDate, to: IsoDate): number {
    const start = toDayNumber(from);
    const end = toDayNumber(to);
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day++) {
      if (isSchoolDay(fromDayNumber(day))) count++;
    }
    return count * sign;
  }

  return { isSchoolDay, describeDay, halfTermOf, addSchoolDays, schoolDaysBetween, coverage };
}
