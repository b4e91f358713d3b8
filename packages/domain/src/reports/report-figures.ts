/**
 * Rules for the termly governors' report (policy §5.1, §5.2, §13): small numbers are suppressed in
 * group and regional reports so that no pupil can be identified, and a placement's cost is turned into
 * a cost per pupil per day to compare providers.
 */

/** Counts from 1 to 4 are shown as "fewer than 5" where several schools are added together. */
export const SUPPRESS_BELOW = 5;

export type ReportCount = number | 'fewer than 5';

export function suppress(count: number, suppressSmall: boolean): ReportCount {
  return suppressSmall && count > 0 && count < SUPPRESS_BELOW ? 'fewer than 5' : count;
}

/** A placement's cost per pupil per day: a day is two sessions; a week is five days. */
export function costPerDayPence(
  costPence: number | null,
  per: 'session' | 'day' | 'week' | null,
): number | null {
  if (costPence === null || per === null) return null;
  if (per === 'session') return costPence * 2;
  if (per === 'week') return Math.round(costPence / 5);
  return costPence;
}

export const pounds = (pence: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);

/**
 * What a placement costs over a stretch of days, from its timetabled sessions in that stretch: per
 * session as charged; per day for each day with a session; per week as a share of its usual days.
 */
export function placementCostPence(
  costPence: number | null,
  per: 'session' | 'day' | 'week' | null,
  sessions: readonly { date: string }[],
  daysPerWeek: number,
): number {
  if (costPence === null || per === null || !sessions.length) return 0;
  const days = new Set(sessions.map((s) => s.date)).size;
  if (per === 'session') return costPence * sessions.length;
  if (per === 'day') return costPence * days;
  return daysPerWeek ? Math.round((costPence * days) / daysPerWeek) : 0;
}
