/**
 * Errors the API may return, each with a stable code and HTTP status. Anything not declared here
 * is answered as a plain 500 and its detail stays in the server log.
 */
import type { FieldError } from '@waymark/domain';

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function defineError(code: string, statusCode: number, message: string) {
  return (override?: { message?: string; fields?: FieldError[] }) =>
    new AppError(code, statusCode, override?.message ?? message, override?.fields);
}

/** One field is wrong in a way only the server can tell (a duplicate, a record out of scope). */
export function fieldError(code: string, path: string, message: string): AppError {
  return new AppError(code, 400, message, [{ path, message }]);
}

export const commonErrors = {
  signedOut: defineError('auth.signed_out', 401, 'Sign in to continue.'),
  sessionExpired: defineError(
    'auth.session_expired',
    401,
    'Your session has ended. Sign in again to continue.',
  ),
  forbidden: defineError('auth.forbidden', 403, 'Your role does not allow this.'),
  secondFactorRequired: defineError(
    'auth.second_factor_required',
    401,
    'Finish signing in: enter the code from your authenticator app, or set the app up.',
  ),
  csrfRejected: defineError(
    'auth.csrf_rejected',
    403,
    'This request did not come from a Waymark page. Reload the page and try again.',
  ),
  databaseUnavailable: defineError(
    'service.database_unavailable',
    503,
    'Waymark cannot reach its database just now. Nothing was saved; try again in a minute.',
  ),
};
