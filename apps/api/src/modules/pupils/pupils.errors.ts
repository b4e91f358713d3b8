import { dateInWords } from '@waymark/domain';
import { defineError, fieldError } from '../../lib/errors.ts';

export const pupilsErrors = {
  notFound: defineError('pupils.not_found', 404, 'There is no such pupil at your schools.'),
  duplicateUpn: () =>
    fieldError('pupils.duplicate_upn', 'upn', 'A pupil with this UPN is already on this school’s roll'),
  schoolOutOfReach: () => fieldError('pupils.school_out_of_reach', 'schoolId', 'Choose one of your schools'),
  alreadyLeft: (leftOn: string) =>
    defineError('pupils.already_left', 409, `This pupil left the roll on ${dateInWords(leftOn)}.`)(),
  leavingInFuture: () =>
    fieldError('pupils.leaving_in_future', 'leftOn', 'The day the pupil left cannot be after today'),
  leavingBeforeBirth: () =>
    fieldError('pupils.leaving_before_birth', 'leftOn', 'The day the pupil left is before their birth'),
  changedSinceOpened: defineError(
    'pupils.changed_since_opened',
    409,
    'Someone else changed this pupil’s record since you opened it. Reload to see their changes, then make yours again.',
  ),
};
