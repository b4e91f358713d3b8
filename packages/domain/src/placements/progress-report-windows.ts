/**
 * When a provider's progress report counts for a half-term. Providers often write in the holiday
 * after, so a report speaks for a half-term if dated from its first day until the day before the next
 * half-term starts (two weeks after its last day when no next half-term is set). The early warnings
 * judge the windows that have closed; the provider's home lists the one open now.
 */
import { addDays, type IsoDate } from '../calendar/iso-date.ts';
import type { HalfTerm } from '../calendar/term-dates.ts';

export interface ProgressReportWindow {
  halfTerm: HalfTerm;
  /** The first day a report counts for this half-term. */
  from: IsoDate;
  /** The last day a report counts for this half-term: the provider's deadline. */
  until: IsoDate;
}

/** Every half-term's reporting window, earliest first. */
export function progressReportWindows(halfTerms: readonly HalfTerm[]): ProgressReportWindow[] {
  const sorted = [...halfTerms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return sorted.map((halfTerm, i) => ({
    halfTerm,
    from: halfTerm.startsOn,
    until: sorted[i + 1] ? addDays(sorted[i + 1]!.startsOn, -1) : addDays(halfTerm.endsOn, 14),
  }));
}

/**
 * The report a provider owes today for a pupil, or null: the window open today, when the pupil has
 * been placed since the half-term began (the same half-terms the early warnings expect a report for)
 * and no report is dated inside it yet.
 */
export function progressReportDue({
  reportDates,
  startsOn,
  halfTerms,
  today,
}: {
  reportDates: readonly IsoDate[];
  startsOn: IsoDate;
  halfTerms: readonly HalfTerm[];
  today: IsoDate;
}): ProgressReportWindow | null {
  const open = progressReportWindows(halfTerms).find((w) => w.from <= today && today <= w.until);
  if (!open || startsOn > open.from) return null;
  return reportDates.some((d) => d >= open.from && d <= open.until) ? null : open;
}
