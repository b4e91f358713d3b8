/**
 * The sessions a pupil is expected at the provider: each timetabled session on a school day of the
 * home school's calendar, within the placement's dates, except the provider's own closure days.
 */
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from '../calendar/iso-date.ts';
import type { SchoolCalendar } from '../calendar/school-calendar.ts';
import type { TimetableSession, Weekday } from '../placements/placement-rules.ts';

const weekdayOf: Record<number, Weekday | undefined> = { 1: 'mon', 2: 'tue', 3: 'wed', 4: 'thu', 5: 'fri' };

export const registerSessions = ['am', 'pm'] as const;
export type RegisterSession = (typeof registerSessions)[number];
export const registerSessionLabels: Record<RegisterSession, string> = { am: 'Morning', pm: 'Afternoon' };

export interface ExpectedSession {
  date: string;
  session: RegisterSession;
}

export function expectedSessions({
  calendar,
  sessions,
  startsOn,
  endsOn,
  from,
  to,
  providerClosures = [],
}: {
  calendar: SchoolCalendar;
  sessions: readonly TimetableSession[];
  startsOn: string;
  endsOn: string | null;
  from: string;
  to: string;
  providerClosures?: readonly string[];
}): ExpectedSession[] {
  const first = from > startsOn ? from : startsOn;
  const last = endsOn && endsOn < to ? endsOn : to;
  const closed = new Set(providerClosures);
  const expected: ExpectedSession[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const weekday = weekdayOf[dayOfWeek(date)];
    if (!weekday || closed.has(date) || !calendar.isSchoolDay(date)) continue;
    for (const part of ['am', 'pm'] as const)
      if (sessions.some((s) => s.day === weekday && s.session === part))
        expected.push({ date, session: part });
  }
  return expected;
}

// Building a formatter costs far more than using one; the register board asks this for every session.
const londonMinute = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Whether a return for the session is late: after the agreed time (HH:MM, London) on that date. */
export function isLateSubmission(submittedAt: Date, date: string, dueBy: string): boolean {
  const london = londonMinute.formatToParts(submittedAt);
  const part = (type: string) => london.find((p) => p.type === type)?.value ?? '';
  const stamp = `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
  return stamp > `${date} ${dueBy}`;
}

/**
 * The school days of a stretch on a calendar, with their weekday: worked out once per school so that
 * many placements can be counted against them without walking the calendar again for each. Days the
 * calendar has no term dates for are left out.
 */
export function schoolDaysBetween(
  calendar: Pick<SchoolCalendar, 'isSchoolDay'>,
  from: string,
  to: string,
): { date: string; weekday: Weekday }[] {
  const days: { date: string; weekday: Weekday }[] = [];
  // Walked by day number: parsing each date again is most of the cost over a year and many schools.
  const first = toDayNumber(from);
  const firstWeekday = dayOfWeek(from);
  for (let n = first, last = toDayNumber(to); n <= last; n++) {
    const weekday = weekdayOf[(firstWeekday + n - first) % 7];
    if (!weekday) continue;
    const date = fromDayNumber(n);
    try {
      if (calendar.isSchoolDay(date)) days.push({ date, weekday });
    } catch {
      // no term dates for this day
    }
  }
  return days;
}

/**
 * A placement's sessions and days on those school days between two dates: what its cost is reckoned
 * from (see placementCostOfCounts).
 */
export function timetabledCounts(
  schoolDays: readonly { date: string; weekday: Weekday }[],
  sessions: readonly TimetableSession[],
  first: string,
  last: string,
): { sessions: number; days: number } {
  const perDay = new Map<Weekday, number>();
  for (const s of sessions) perDay.set(s.day, (perDay.get(s.day) ?? 0) + 1);
  let count = 0;
  let days = 0;
  for (const d of schoolDays) {
    if (d.date < first) continue;
    if (d.date > last) break;
    const n = perDay.get(d.weekday) ?? 0;
    if (!n) continue;
    count += n;
    days++;
  }
  return { sessions: count, days };
}
