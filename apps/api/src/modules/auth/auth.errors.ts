import { defineError } from '../../lib/errors.ts';

export const authErrors = {
  // One message for a wrong password and an unknown email, so the answer does not say which exists.
  invalidCredentials: defineError(
    'auth.invalid_credentials',
    401,
    'The email address or password is not right.',
  ),
  lockedOut: defineError(
    'auth.locked_out',
    429,
    'Too many failed attempts to sign in with this email address. Wait 15 minutes, or ask your trust administrator to unlock the account.',
  ),
  wrongCurrentPassword: defineError(
    'auth.wrong_current_password',
    400,
    'Your current password is not right.',
  ),
};

export const SIGN_IN_LIMITS = { maxFailures: 5, lockMinutes: 15, failureWindowMinutes: 60 };
