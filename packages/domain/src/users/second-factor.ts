/**
 * Two-factor sign-in (TOTP, RFC 6238, any authenticator app). Required for the roles that see
 * safeguarding detail or decide about providers and users; optional for everyone else.
 */
import { z } from 'zod';
import type { RoleName } from '../access/roles.ts';

export const rolesRequiringSecondFactor: readonly RoleName[] = [
  'dsl',
  'ap_lead',
  'headteacher',
  'trust_admin',
];

export const secondFactorRequiredFor = (roles: readonly RoleName[]) =>
  roles.some((r) => rolesRequiringSecondFactor.includes(r));

/** Ten single-use codes, each shown once, for when the phone is lost. */
export const RECOVERY_CODE_COUNT = 10;
/** A browser trusted at sign-in skips the code for this long, until reset or signing out everywhere. */
export const TRUSTED_BROWSER_DAYS = 30;

/** Six digits from the app, or a recovery code (letters and digits, dashes and spaces ignored). */
export const secondFactorCodeSchema = z
  .string({ error: 'Enter the code from your authenticator app' })
  .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .regex(
        /^(\d{6}|[A-Z0-9]{10})$/,
        'Enter the 6 digits from your authenticator app, or one of your 10-character recovery codes',
      ),
  );

export const isRecoveryCode = (code: string) => code.length === 10;

/** How a recovery code is shown: XXXXX-XXXXX. */
export const formatRecoveryCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
