import { describe, expect, it } from 'vitest';
import {
  displayNameSchema,
  emailSchema,
  newPasswordSchema,
  roleAssignmentInputSchema,
} from './users.schemas.ts';

const messages = (result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}) => (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('user details', () => {
  it('keeps email addresses trimmed and in lower case, and refuses what is not one', () => {
    expect(emailSchema.parse('  Sam.Khan@Northway.sch.uk ')).toBe('sam.khan@northway.sch.uk');
    expect(messages(emailSchema.safeParse('sam.khan'))).toEqual([
      ': Enter an email address like name@school.org.uk',
    ]);
  });

  it('asks for a password of 12 to 200 characters that is not too repetitive', () => {
    expect(newPasswordSchema.safeParse('a'.repeat(11)).success).toBe(false);
    expect(newPasswordSchema.safeParse('abcdefghijkl').success).toBe(true);
    expect(newPasswordSchema.safeParse('x'.repeat(201)).success).toBe(false);
    // Five different characters are enough; four are not.
    expect(messages(newPasswordSchema.safeParse('abcdabcdabcd'))).toEqual([
      ': Use a less repetitive password',
    ]);
    expect(newPasswordSchema.safeParse('abcdeabcdeab').success).toBe(true);
  });

  it('asks for a name', () => {
    expect(displayNameSchema.parse('  Sam Khan ')).toBe('Sam Khan');
    expect(messages(displayNameSchema.safeParse('   '))).toEqual([': Enter a name']);
  });

  it('gives a role only in a scope it may have', () => {
    const scopeId = '0b9f4a52-6c1e-4f0e-9d8a-3e2f1c0b7a11';
    expect(roleAssignmentInputSchema.safeParse({ role: 'dsl', scopeType: 'school', scopeId }).success).toBe(
      true,
    );
    expect(
      roleAssignmentInputSchema.safeParse({ role: 'governor', scopeType: 'region', scopeId }).success,
    ).toBe(true);
    expect(
      messages(roleAssignmentInputSchema.safeParse({ role: 'dsl', scopeType: 'group', scopeId })),
    ).toEqual(['scopeType: This role cannot be given in that kind of scope']);
    expect(
      messages(roleAssignmentInputSchema.safeParse({ role: 'provider_staff', scopeType: 'school', scopeId })),
    ).toEqual(['scopeType: This role cannot be given in that kind of scope']);
  });
});
