import { dateInWords } from '@waymark/domain';
import { defineError } from '../../lib/errors.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const censusErrors = {
  tooEarly: (censusDay: string) =>
    defineError(
      'census.too_early',
      409,
      `The collection period runs to census day, ${dateInWords(censusDay)}: record the return on or after it.`,
    )(),
  alreadyRecorded: (kind: 'returned' | 'none_arranged') =>
    defineError(
      'census.already_recorded',
      409,
      kind === 'none_arranged'
        ? 'This census is already confirmed as having no AP arranged.'
        : 'This census is already recorded as returned with its placements.',
    )(),
  placementsToReturn: (count: number) =>
    defineError(
      'census.placements_to_return',
      409,
      `${plural(count, 'placement is', 'placements are')} in this census: return them rather than confirming none were arranged.`,
    )(),
  nothingToReturn: defineError(
    'census.nothing_to_return',
    409,
    'No placements are in this census: confirm that no AP was arranged instead.',
  ),
  problemsToFix: (count: number) =>
    defineError(
      'census.problems_to_fix',
      409,
      `Fix the ${plural(count, 'problem', 'problems')} listed before recording the return.`,
    )(),
};
