/**
 * A placement's terms — its timetable, its cost and its attendance target — change from a date, and
 * the past keeps the terms it ran on: expected sessions, spend, rates and the census read the terms in
 * force on each day. The placement holds its latest terms; each change keeps the terms it replaced
 * and the day the new ones took effect, so a placement never changed has no history at all.
 */
import { addDays, type IsoDate } from '../calendar/iso-date.ts';
import type { TimetableSession } from './placement-rules.ts';

export interface PlacementTerms {
  sessions: readonly TimetableSession[];
  costPence: number | null;
  costPer: 'session' | 'day' | 'week' | null;
  attendanceTargetPercent: number;
}

/** A change of terms: the terms in force until the day before `effectiveFrom`. */
export interface TermsChange {
  effectiveFrom: IsoDate;
  previous: PlacementTerms;
}

/** The terms in force on `date`: those replaced by the first change after it, or the latest. */
export function termsOn<T extends PlacementTerms>(
  latest: T,
  changes: readonly TermsChange[],
  date: IsoDate,
): PlacementTerms {
  let found: TermsChange | undefined;
  for (const change of changes)
    if (change.effectiveFrom > date && (!found || change.effectiveFrom < found.effectiveFrom)) found = change;
  return found ? found.previous : latest;
}

/**
 * The terms as periods in date order: `from` is null for the first (from the placement's start),
 * `to` null for the latest (to its end). Costs over a range add up period by period.
 */
export function termPeriods(
  latest: PlacementTerms,
  changes: readonly TermsChange[],
): { from: IsoDate | null; to: IsoDate | null; terms: PlacementTerms }[] {
  const ordered = [...changes].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const periods: { from: IsoDate | null; to: IsoDate | null; terms: PlacementTerms }[] = [];
  let from: IsoDate | null = null;
  for (const change of ordered) {
    periods.push({ from, to: addDays(change.effectiveFrom, -1), terms: change.previous });
    from = change.effectiveFrom;
  }
  periods.push({ from, to: null, terms: latest });
  return periods;
}

/**
 * Whether new terms differ from those in force in anything a change must be dated for. A cost
 * recorded where none was is not a change: it was the cost all along, only written down late.
 */
export function termsDiffer(a: PlacementTerms, b: PlacementTerms): boolean {
  const key = (s: readonly TimetableSession[]) =>
    JSON.stringify([...s].map((x) => [x.day, x.session, x.hours, x.startsAt ?? '', x.endsAt ?? '']).sort());
  return (
    key(a.sessions) !== key(b.sessions) ||
    (a.costPence !== null && (a.costPence !== b.costPence || a.costPer !== b.costPer)) ||
    a.attendanceTargetPercent !== b.attendanceTargetPercent
  );
}

/**
 * Whether a change alters the provision an EHCP describes — the days or the hours — so that the EHCP
 * must be reviewed (policy §12: EHCP reviews are triggered if provision changes materially).
 */
export function changesProvision(before: PlacementTerms, after: PlacementTerms): boolean {
  const days = (t: PlacementTerms) => [...new Set(t.sessions.map((s) => s.day))].sort().join();
  const hours = (t: PlacementTerms) => t.sessions.reduce((sum, s) => sum + s.hours, 0);
  return days(before) !== days(after) || Math.abs(hours(before) - hours(after)) > 0.001;
}
