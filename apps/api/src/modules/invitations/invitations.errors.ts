import { defineError, fieldError } from '../../lib/errors.ts';

export const invitationsErrors = {
  /** One message for unknown, used, replaced and expired links: a guessed token learns nothing. */
  unusable: defineError(
    'invitations.unusable',
    410,
    'This link has expired or has already been used. Ask the school to send you a new invitation.',
  ),
  emailTaken: () =>
    fieldError(
      'invitations.email_taken',
      'email',
      'Someone already signs in to Waymark with this email address',
    ),
  staffNotFound: defineError(
    'invitations.staff_not_found',
    404,
    'There is no such member of staff at this provider.',
  ),
  alreadyActive: defineError(
    'invitations.already_active',
    409,
    'This person has already set their password; they can sign in, or an administrator can reset it.',
  ),
};
