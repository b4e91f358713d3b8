/**
 * Half-termly reviews (policy §7): one review in every half-term a placement runs through, due by the
 * last day of that half-term. A placement that starts in the last two weeks of a half-term has its
 * first review in the next one: a review a few days after the start has nothing yet to review.
 */
import type { SchoolCalendar } from '../calendar/school-calendar.ts';
import { type HalfTerm, halfTermLabel } from '../calendar/term-dates.ts';

export const REVIEW_GRACE_SCHOOL_DAYS = 10;

export interface ScheduledReview {
  academicYear: string;
  halfTerm: string;
  dueOn: string;
}

export function scheduleReviews({
  halfTerms,
  calendar,
  startsOn,
  endsOn,
}: {
  halfTerms: readonly HalfTerm[];
  calendar: SchoolCalendar;
  startsOn: string;
  endsOn: string;
}): ScheduledReview[] {
  const running = [...halfTerms]
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
    .filter((h) => h.endsOn >= startsOn && h.startsOn <= endsOn);
  return running
    .filter((h, index) => {
      if (index > 0 || running.length === 1) return true;
      // The first half-term counts only if enough of it is left after the start.
      return calendar.schoolDaysBetween(startsOn, h.endsOn) >= REVIEW_GRACE_SCHOOL_DAYS;
    })
    .map((h) => ({
      academicYear: h.academicYear,
      halfTerm: halfTermLabel(h),
      dueOn: h.endsOn < endsOn ? h.endsOn : endsOn,
    }));
}

export type ReviewState = 'done' | 'overdue' | 'due';

export function reviewState(
  review: { dueOn: string; completedOn: string | null },
  today: string,
): ReviewState {
  if (review.completedOn) return 'done';
  return review.dueOn < today ? 'overdue' : 'due';
}
