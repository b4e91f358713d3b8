import { defineError } from '../../lib/errors.ts';

export const auditsErrors = {
  notFound: defineError('audits.not_found', 404, 'There is no such audit in your group.'),
  alreadySubmitted: defineError(
    'audits.already_submitted',
    409,
    'This audit has been submitted and can no longer be changed. Start a new audit instead.',
  ),
  incomplete: defineError(
    'audits.incomplete',
    400,
    'The audit cannot be submitted until every question is answered.',
  ),
  invalidAnswers: defineError(
    'audits.invalid_answers',
    400,
    'Some answers are not right. Check the questions listed.',
  ),
};
