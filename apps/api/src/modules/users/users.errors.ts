import { defineError, fieldError } from '../../lib/errors.ts';

export const usersErrors = {
  notFound: defineError('users.not_found', 404, 'There is no such user, or it is outside your schools.'),
  assignmentNotFound: defineError(
    'users.assignment_not_found',
    404,
    'This user has no such role assignment.',
  ),
  emailTaken: () =>
    fieldError('users.email_taken', 'email', 'Another user already signs in with this email address'),
  unknownScope: (path: string) =>
    fieldError('users.unknown_scope', path, 'Choose a region, school or provider of your group'),
  duplicateAssignment: () =>
    fieldError('users.duplicate_assignment', 'role', 'This user already has this role in this place'),
  lastAdministrator: defineError(
    'users.last_administrator',
    409,
    'This would leave the group with no active trust administrator. Give another user that role first.',
  ),
  cannotDeactivateSelf: defineError(
    'users.cannot_deactivate_self',
    409,
    'You cannot deactivate your own account.',
  ),
};
