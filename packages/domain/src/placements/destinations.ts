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

export type MonthActivity = 'education' | 'apprenticeship' | 'employment' | 'none';

/**
 * Months are keyed "YYYY-MM". The destination year runs August (of the year the pupil left) to July.
 * Returns null while October–March is not over yet and no apprenticeship has run six months.
 */
export function destinationOutcome(
  months: Readonly<Record<string, MonthActivity>>,
  destinationYearStarts: number,
  today: string,
): DestinationOutcome | null {
  const key = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
  const year = Array.from({ length: 12 }, (_, i) =>
    key(destinationYearStarts + (i >= 5 ? 1 : 0), ((i + 7) % 12) + 1),
  );
  let run = 0;
  for (const month of year) {
    run = months[month] === 'apprenticeship' ? run + 1 : 0;
    if (run >= 6) return 'sustained_apprenticeship';
  }
  const octToMar = year.slice(2, 8);
  const lastMonth = octToMar.at(-1)!;
  const activities = octToMar.map((m) => months[m] ?? 'none');
  if (activities.filter((a) => a === 'employment').length >= 5) return 'sustained_employment';
  // Every month in education or employment: all education, or a mix counted where half or more was.
  if (activities.every((a) => a !== 'none'))
    return activities.filter((a) => a === 'education').length >= 3
      ? 'sustained_education'
      : 'sustained_employment';
  // March not yet finished: not sustained is not known yet unless a month has already been missed.
  if (today.slice(0, 7) <= lastMonth && !activities.slice(0, monthsElapsed(octToMar, today)).includes('none'))
    return null;
  return 'not_sustained';
}

function monthsElapsed(months: string[], today: string): number {
  return months.filter((m) => m < today.slice(0, 7)).length;
}
