/**
 * Reduced (part-time) timetables (DOMAIN-REFERENCE.md, attendance register): sessions agreed with the
 * parents when the pupil is expected neither at school nor at the provider are coded C2, authorised
 * absence. Such a timetable is meant to be short and reviewed: it needs an end date and a review date,
 * and one without them, or past them, is a duty.
 */
import { addDays, dateInWords, dayOfWeek, type IsoDate } from '../calendar/iso-date.ts';
import type { SchoolCalendar } from '../calendar/school-calendar.ts';
import { type Weekday, weekdays } from './placement-rules.ts';

export const REDUCED_TIMETABLE_CODE = 'C2';

/** How long before its review date a reduced timetable shows on the board. */
export const REDUCED_TIMETABLE_REVIEW_NOTICE_DAYS = 7;

export interface ReducedTimetableTerms {
  sessions: readonly { day: Weekday; session: 'am' | 'pm' }[];
  agreedWithParentsOn: IsoDate;
  endsOn: IsoDate | null;
  reviewOn: IsoDate | null;
}

/**
 * The C2 sessions from `from` to `to`: school days from the day it was agreed (and the placement
 * started) to its end date, or the placement's if sooner; without an end date it runs on.
 */
export function reducedTimetableSessions({
  reduced,
  calendar,
  placementStartsOn,
  placementEndsOn,
  from,
  to,
}: {
  reduced: ReducedTimetableTerms;
  calendar: Pick<SchoolCalendar, 'isSchoolDay'>;
  placementStartsOn: IsoDate;
  placementEndsOn: IsoDate | null;
  from: IsoDate;
  to: IsoDate;
}): { date: IsoDate; session: 'am' | 'pm' }[] {
  const starts = [from, placementStartsOn, reduced.agreedWithParentsOn].sort().at(-1)!;
  const ends = [to, placementEndsOn, reduced.endsOn].filter((d): d is IsoDate => d !== null).sort()[0]!;
  const found: { date: IsoDate; session: 'am' | 'pm' }[] = [];
  for (let date = starts; date <= ends; date = addDays(date, 1)) {
    const day = weekdays[dayOfWeek(date) - 1];
    if (!day || !calendar.isSchoolDay(date)) continue;
    for (const s of reduced.sessions) if (s.day === day) found.push({ date, session: s.session });
  }
  return found.sort((a, b) => a.date.localeCompare(b.date) || a.session.localeCompare(b.session));
}

/** What is wrong with a reduced timetable today, each with the day it was due; none when all is well. */
export function reducedTimetableProblems(
  reduced: ReducedTimetableTerms,
  today: IsoDate,
): { problem: string; dueOn: IsoDate }[] {
  const problems: { problem: string; dueOn: IsoDate }[] = [];
  if (!reduced.endsOn)
    problems.push({ problem: 'the reduced timetable has no end date', dueOn: reduced.agreedWithParentsOn });
  else if (reduced.endsOn < today)
    problems.push({
      problem: `the reduced timetable ended on ${dateInWords(reduced.endsOn)}: restore the full timetable or agree a new end date`,
      dueOn: reduced.endsOn,
    });
  if (!reduced.reviewOn)
    problems.push({
      problem: 'the reduced timetable has no review date',
      dueOn: reduced.agreedWithParentsOn,
    });
  else if (reduced.reviewOn <= addDays(today, REDUCED_TIMETABLE_REVIEW_NOTICE_DAYS))
    problems.push({
      problem: `the reduced timetable ${reduced.reviewOn < today ? 'was' : 'is'} due for review on ${dateInWords(reduced.reviewOn)}: review it with the parents and set the next date`,
      dueOn: reduced.reviewOn,
    });
  return problems;
}
