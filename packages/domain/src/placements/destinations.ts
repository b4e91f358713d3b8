/**
 * Post-16 destinations as the DfE measures them (DOMAIN-REFERENCE.md): a destination is sustained
 * with six months of participation from October to March of the destination year — all of it in
 * education, or at least five of the six months in employment, or a mix of the two throughout — or,
 * for an apprenticeship, six months in a row at any time from August to July.
 */
export const destinationOutcomes = [
  'sustained_education',
  'sustained_apprenticeship',
  'sustained_employment',
  'not_sustained',
] as const;
export type DestinationOutcome = (typeof destinationOutcomes)[number];
export const destinationOutcomeLabels: Record<DestinationOutcome, string> = {
  sustained_education: 'Sustained education',
  sustained_apprenticeship: 'Sustained apprenticeship',
  sustained_employment: 'Sustained employment',
  not_sustained: 'Not sustained',
};

export const monthActivities = ['education', 'apprenticeship', 'employment', 'none'] as const;
export type MonthActivity = (typeof monthActivities)[number];
export const monthActivityLabels: Record<MonthActivity, string> = {
  education: 'Education',
  apprenticeship: 'Apprenticeship',
  employment: 'Employment',
  none: 'Not in any of these',
};

/** The twelve months ("YYYY-MM") of a destination year: August of the year the pupil left to July. */
export function destinationYearMonths(destinationYearStarts: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const year = destinationYearStarts + (i >= 5 ? 1 : 0);
    return `${year}-${String(((i + 7) % 12) + 1).padStart(2, '0')}`;
  });
}

/** The outcome when every month of the year is known (a month not in work or learning is "none"). */
function outcomeOfYear(activities: readonly MonthActivity[]): DestinationOutcome {
  let run = 0;
  for (const activity of activities) {
    run = activity === 'apprenticeship' ? run + 1 : 0;
    if (run >= 6) return 'sustained_apprenticeship';
  }
  const octToMar = activities.slice(2, 8);
  if (octToMar.filter((a) => a === 'employment').length >= 5) return 'sustained_employment';
  // Every month in education or employment: all education, or a mix counted where half or more was.
  if (octToMar.every((a) => a === 'education' || a === 'employment'))
    return octToMar.filter((a) => a === 'education').length >= 3
      ? 'sustained_education'
      : 'sustained_employment';
  return 'not_sustained';
}

/**
 * Months are keyed "YYYY-MM"; a month not recorded is not known yet (it is not taken as idle).
 * The measure is decided once every way the unrecorded months could still turn out gives the same
 * answer; until then it is null, "not known yet". The months outside October–March count only
 * towards an apprenticeship's run, so there only "apprenticeship or not" needs trying.
 */
export function destinationOutcome(
  months: Readonly<Record<string, MonthActivity>>,
  destinationYearStarts: number,
): DestinationOutcome | null {
  const year = destinationYearMonths(destinationYearStarts);
  const choices = year.map((month, i): readonly MonthActivity[] => {
    const known = months[month];
    if (known) return [known];
    return i >= 2 && i < 8
      ? ['education', 'employment', 'apprenticeship', 'none']
      : ['apprenticeship', 'none'];
  });
  let decided: DestinationOutcome | undefined;
  const tryFrom = (i: number, chosen: MonthActivity[]): boolean => {
    if (i === year.length) {
      const outcome = outcomeOfYear(chosen);
      if (decided && outcome !== decided) return false;
      decided = outcome;
      return true;
    }
    return choices[i]!.every((activity) => tryFrom(i + 1, [...chosen, activity]));
  };
  return tryFrom(0, []) ? decided! : null;
}

/** The first recorded month that is not in the destination year, if any. */
export function monthOutsideDestinationYear(
  months: Readonly<Record<string, MonthActivity>>,
  destinationYearStarts: number,
): string | undefined {
  const year = new Set(destinationYearMonths(destinationYearStarts));
  return Object.keys(months).find((month) => !year.has(month));
}
