import { defineError, fieldError } from '../../lib/errors.ts';

export const pupilsErrors = {
  notFound: defineError('pupils.not_found', 404, 'There is no such pupil at your schools.'),
  duplicateUpn: () =>
    fieldError('pupils.duplicate_upn', 'upn', 'A pupil with this UPN is already on this school’s roll'),
  schoolOutOfReach: () => fieldError('pupils.school_out_of_reach', 'schoolId', 'Choose one of your schools'),
  changedSinceOpened: defineError(
    'pupils.changed_since_opened',
    409,
    'Someone else changed this pupil’s record since you opened it. Reload to see their changes, then make yours again.',
  ),
};
