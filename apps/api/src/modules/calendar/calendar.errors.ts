import { defineError } from '../../lib/errors.ts';

export const calendarErrors = {
  schoolNotFound: defineError(
    'schools.not_found',
    404,
    'There is no such school, or it is outside your scope.',
  ),
  invalidTermDates: defineError(
    'term_dates.invalid',
    400,
    'These term dates do not make a workable school year.',
  ),
  notCovered: defineError('term_dates.not_entered', 422, 'Term dates are not entered for that period yet.'),
};
