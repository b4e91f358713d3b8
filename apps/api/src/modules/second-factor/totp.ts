/**
 * Authenticator codes (RFC 6238: SHA-1, six digits, 30 seconds) through otplib, with the clock passed
 * in so tests and the server agree on the time. A code one step either side is accepted for phones
 * whose clock drifts; a step already used is never accepted again.
 */
import { randomInt } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';

const PERIOD_SECONDS = 30;

export const newSecret = () => generateSecret();

export const enrolmentUri = (secret: string, email: string) =>
  generateURI({ issuer: 'Waymark', label: email, secret });

const epochOf = (now: Date) => Math.floor(now.getTime() / 1000);

/** The code an authenticator app shows at that moment (for tests and the demo). */
export const codeAt = (secret: string, now: Date) => generate({ secret, epoch: epochOf(now) });

/** The step the code belongs to when it is right and newer than `after`; otherwise null. */
export async function acceptedStep(
  secret: string,
  code: string,
  now: Date,
  after: number | null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: epochOf(now),
    epochTolerance: PERIOD_SECONDS,
    ...(after === null ? {} : { afterTimeStep: after }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I to misread

export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return code;
}
