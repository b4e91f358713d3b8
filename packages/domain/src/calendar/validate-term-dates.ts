/**
 * Checks a school's term dates for one academic year before they are saved, so a calendar that would
 * give wrong answers ("is this a school day?") is refused with the exact field to fix.
 */
import type { FieldError } from '../errors/error-body.ts';
import { dateInWords, isWeekend } from './iso-date.ts';
import { type ClosureDay, type HalfTerm, halfTermIndex, halfTermLabel } from './term-dates.ts';

export function academicYearBounds(academicYear: string): { firstDay: string; lastDay: string } {
  const startYear = Number(academicYear.slice(0, 4));
  return { firstDay: `${startYear}-08-01`, lastDay: `${startYear + 1}-07-31` };
}

export function validateTermDates(
  academicYear: string,
  halfTerms: readonly HalfTerm[],
  closureDays: readonly Pick<ClosureDay, 'date'>[],
): FieldError[] {
  const errors: FieldError[] = [];
  const { firstDay, lastDay } = academicYearBounds(academicYear);
  const seen = new Set<number>();

  halfTerms.forEach((halfTerm, i) => {
    const label = halfTermLabel(halfTerm);
    if (halfTerm.academicYear !== academicYear) {
      errors.push({
        path: `halfTerms.${i}.academicYear`,
        message: `${label} must belong to ${academicYear}`,
      });
    }
    const index = halfTermIndex(halfTerm);
    if (seen.has(index)) errors.push({ path: `halfTerms.${i}.half`, message: `${label} is entered twice` });
    seen.add(index);
    if (halfTerm.startsOn < firstDay || halfTerm.endsOn > lastDay) {
      errors.push({
        path: `halfTerms.${i}.startsOn`,
        message: `${label} must fall between ${firstDay} and ${lastDay}, inside the ${academicYear} school year`,
      });
    }
  });
  if (halfTerms.length !== 6 || seen.size !== 6) {
    errors.push({
      path: 'halfTerms',
      message: 'Enter all six half-terms: Autumn 1 and 2, Spring 1 and 2, Summer 1 and 2',
    });
  }

  const inOrder = halfTerms
    .map((halfTerm, i) => ({ halfTerm, i }))
    .sort((a, b) => halfTermIndex(a.halfTerm) - halfTermIndex(b.halfTerm));
  for (let k = 1; k < inOrder.length; k++) {
    const previous = inOrder[k - 1]!;
    const current = inOrder[k]!;
    if (current.halfTerm.startsOn <= previous.halfTerm.endsOn) {
      errors.push({
        path: `halfTerms.${current.i}.startsOn`,
        message: `${halfTermLabel(current.halfTerm)} must start after ${halfTermLabel(previous.halfTerm)} ends (${dateInWords(previous.halfTerm.endsOn)})`,
      });
    }
  }

  const closureDates = new Set<string>();
  closureDays.forEach((closure, i) => {
    if (closureDates.has(closure.date))
      errors.push({ path: `closureDays.${i}.date`, message: 'This date is entered twice' });
    closureDates.add(closure.date);
    if (isWeekend(closure.date)) {
      errors.push({
        path: `closureDays.${i}.date`,
        message: 'This date is a weekend; enter only closures on weekdays',
      });
    } else if (!halfTerms.some((h) => h.startsOn <= closure.date && closure.date <= h.endsOn)) {
      errors.push({
        path: `closureDays.${i}.date`,
        message: 'This date is not in any half-term; closures fall within term',
      });
    }
  });
  return errors;
}
