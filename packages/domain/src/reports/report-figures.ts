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

/**
 * An average, percentage or rate: drawn from fewer than five people, it could be one pupil's answer
 * or attendance, so where small counts are suppressed it is suppressed too.
 */
export type ReportFigure = number | null | 'fewer than 5';

export function suppressFigure(value: number | null, people: number, suppressSmall: boolean): ReportFigure {
  if (value === null) return null;
  return suppressSmall && people < SUPPRESS_BELOW ? 'fewer than 5' : value;
}

/** How a suppressed figure reads in the report: the reader is told why it is missing. */
export const SUPPRESSED_FIGURE_TEXT = 'not shown (fewer than 5 people)';

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
  return placementCostOfCounts(
    costPence,
    per,
    { sessions: sessions.length, days: new Set(sessions.map((s) => s.date)).size },
    daysPerWeek,
  );
}

/** The same from counts of sessions and days, for many placements at once (see timetabledCounts). */
export function placementCostOfCounts(
  costPence: number | null,
  per: 'session' | 'day' | 'week' | null,
  counted: { sessions: number; days: number },
  daysPerWeek: number,
): number {
  if (costPence === null || per === null || !counted.sessions) return 0;
  if (per === 'session') return costPence * counted.sessions;
  if (per === 'day') return costPence * counted.days;
  return daysPerWeek ? Math.round((costPence * counted.days) / daysPerWeek) : 0;
}

export interface PlanProgress {
  /** Objectives of the personalised plans in the term. */
  objectives: number;
  /** Of them, those a review held in the term recorded progress against. */
  objectivesReviewed: number;
  reintegrationTargets: number;
  reintegrationTargetsReviewed: number;
}

/**
 * Progress against plan objectives and reintegration targets (policy §11, §12): how many had progress
 * recorded at a review held in the term. A blank entry is not progress recorded.
 */
export function planProgress(
  placements: readonly {
    id: string;
    objectives: readonly { id: string }[];
    reintegrationTargets: readonly { id: string }[];
  }[],
  reviewsInTerm: readonly {
    placementId: string;
    progress: readonly { targetId: string; progress: string }[] | null;
  }[],
): PlanProgress {
  const recorded = new Set(
    reviewsInTerm.flatMap((r) =>
      (r.progress ?? []).filter((p) => p.progress.trim() !== '').map((p) => `${r.placementId} ${p.targetId}`),
    ),
  );
  const reviewed = (placementId: string, items: readonly { id: string }[]) =>
    items.filter((i) => recorded.has(`${placementId} ${i.id}`)).length;
  return {
    objectives: placements.reduce((n, p) => n + p.objectives.length, 0),
    objectivesReviewed: placements.reduce((n, p) => n + reviewed(p.id, p.objectives), 0),
    reintegrationTargets: placements.reduce((n, p) => n + p.reintegrationTargets.length, 0),
    reintegrationTargetsReviewed: placements.reduce((n, p) => n + reviewed(p.id, p.reintegrationTargets), 0),
  };
}
