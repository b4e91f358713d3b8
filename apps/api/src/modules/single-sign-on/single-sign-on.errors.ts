import { defineError } from '../../lib/errors.ts';

export const singleSignOnErrors = {
  noProviderForDomain: defineError(
    'single_sign_on.no_provider',
    404,
    'Your school has not set up single sign-on for this email address. Sign in with your password.',
  ),
  providerUnreachable: defineError(
    'single_sign_on.provider_unreachable',
    502,
    'Your school’s sign-in service could not be reached. Try again, or sign in with your password.',
  ),
  notFound: defineError('single_sign_on.not_found', 404, 'No such sign-in provider in your group.'),
};

/**
 * Why a return from the identity provider did not sign anyone in. The sign-in page explains each; the
 * reason is all the address carries.
 */
export type SingleSignOnRefusal = 'expired' | 'cancelled' | 'failed' | 'unverified' | 'no-account';
