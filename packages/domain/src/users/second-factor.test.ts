import { describe, expect, it } from 'vitest';
import {
  formatRecoveryCode,
  isRecoveryCode,
  RECOVERY_CODE_COUNT,
  secondFactorCodeSchema,
  secondFactorRequiredFor,
  TRUSTED_BROWSER_DAYS,
} from './second-factor.ts';

describe('who must use a second factor', () => {
  it.each([
    [['dsl'], true],
    [['ap_lead'], true],
    [['headteacher'], true],
    [['trust_admin'], true],
    [['attendance_officer'], false],
    [['provider_staff'], false],
    [['attendance_officer', 'dsl'], true],
    [[], false],
  ] as const)('%j: %s', (roles, required) => {
    expect(secondFactorRequiredFor(roles)).toBe(required);
  });
});

describe('the code entered at sign-in', () => {
  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['abcde-12345', 'ABCDE12345'],
  ])('%j is read as %j', (typed, read) => {
    expect(secondFactorCodeSchema.parse(typed)).toBe(read);
  });

  it.each(['12345', '1234567', 'ABCDE1234', 'ABCDE123456', '12345!'])(
    '%j is refused, saying what to enter',
    (typed) => {
      const result = secondFactorCodeSchema.safeParse(typed);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.message).toBe(
        'Enter the 6 digits from your authenticator app, or one of your 10-character recovery codes',
      );
    },
  );

  it('tells a recovery code from an app code, and shows it in two halves', () => {
    expect(isRecoveryCode('ABCDE12345')).toBe(true);
    expect(isRecoveryCode('123456')).toBe(false);
    expect(formatRecoveryCode('ABCDE12345')).toBe('ABCDE-12345');
  });

  it('ten recovery codes; a trusted browser for 30 days', () => {
    expect(RECOVERY_CODE_COUNT).toBe(10);
    expect(TRUSTED_BROWSER_DAYS).toBe(30);
  });
});
