import { dateInWords } from '@waymark/domain';
import { defineError, fieldError } from '../../lib/errors.ts';

export const placementsErrors = {
  notFound: defineError('placements.not_found', 404, 'There is no such placement at your schools.'),
  reviewNotFound: defineError('placements.review_not_found', 404, 'This placement has no such review.'),
  unknownProvider: () =>
    fieldError('placements.unknown_provider', 'providerId', 'Choose one of your group’s providers'),
  changedSinceOpened: defineError(
    'placements.changed_since_opened',
    409,
    'Someone else changed this placement since you opened it. Reload to see their changes, then make yours again.',
  ),
  cannotStart: (fields: { path: string; message: string }[]) =>
    defineError(
      'placements.cannot_start',
      409,
      `The placement cannot start yet: ${fields.length} thing${fields.length === 1 ? ' is' : 's are'} missing.`,
    )({ fields }),
  providerNotApprovedToSend: defineError(
    'placements.provider_not_approved',
    409,
    'The provider is not approved: a referral can be sent only to an approved provider.',
  ),
  wrongStatus: (doing: string, status: string) =>
    defineError('placements.wrong_status', 409, `A placement that is ${status} cannot be ${doing}.`)(),
  endBeforeStart: () =>
    fieldError('placements.end_before_start', 'endedOn', 'The end date is before the placement started'),
  endAfterLeaving: (leftOn: string) =>
    fieldError(
      'placements.end_after_leaving',
      'endedOn',
      `The pupil left the roll on ${dateInWords(leftOn)}: the placement’s last day must be on or before it`,
    ),
  pupilLeft: (leftOn: string) =>
    defineError(
      'placements.pupil_left',
      409,
      `The pupil left the roll on ${dateInWords(leftOn)}: a placement for them cannot start or be made.`,
    )(),
  endInFuture: () => fieldError('placements.end_in_future', 'endedOn', 'The last day cannot be after today'),
  futureMonth: (month: string) =>
    fieldError(
      'placements.future_month',
      `months.${month}`,
      `${month} has not happened yet: record it once it has`,
    ),
  monthOutsideYear: (month: string, starts: number) =>
    fieldError(
      'placements.month_outside_year',
      `months.${month}`,
      `${month} is not in the destination year August ${starts} to July ${starts + 1}`,
    ),
  notADirection: defineError(
    'placements.not_a_direction',
    409,
    'Only an off-site direction that has started can be asked to be reviewed or reviewed.',
  ),
  noTermDates: defineError(
    'placements.no_term_dates',
    409,
    'The school has no term dates covering this placement, so its reviews and notice days cannot be worked out. Enter the term dates first.',
  ),
};
