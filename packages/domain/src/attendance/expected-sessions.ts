/**
 * The sessions a pupil is expected at the provider: each timetabled session on a school day of the
 * home school's calendar, within the placement's dates, except the provider's own closure days.
 */
import { addDays, dayOfWeek } from '../calendar/iso-date.ts';
import type { SchoolCalendar } from '../calendar/school-calendar.ts';
import type { TimetableSession, Weekday } from '../placements/placement-rules.ts';

const weekdayOf: Record<number, Weekday | undefined> = { 1: 'mon', 2: 'tue', 3: 'wed', 4: 'thu', 5: 'fri' };

export interface ExpectedSession {
  date: string;
  session: 'am' | 'pm';
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
