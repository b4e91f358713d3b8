import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { letterChecks, letterUndertakings, signLetterSchema } from './appendix-2.ts';

const policy = readFileSync(new URL('./fixtures/appendix-2.txt', import.meta.url), 'utf8');
const signed = {
  checks: letterChecks.map(() => true),
  undertakings: letterUndertakings.map(() => true),
  name: 'Lena Morris',
  role: 'Centre manager',
  organisation: 'Bridges',
  signature: 'Lena Morris',
};

describe('the safeguarding assurance letter (Appendix 2)', () => {
  it('has the nine checks and four undertakings of the policy, word for word', () => {
    for (const [i, check] of letterChecks.entries()) expect(policy).toContain(`${i + 1}. ${check}`);
    for (const undertaking of letterUndertakings) expect(policy).toContain(`- ${undertaking}`);
  });

  it('can be signed only with every check and undertaking confirmed', () => {
    expect(signLetterSchema.safeParse(signed).success).toBe(true);
    const result = signLetterSchema.safeParse({
      ...signed,
      checks: signed.checks.map((c, i) => i !== 4 && c),
    });
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['checks.4', 'Confirm this check before signing'],
    ]);
    expect(signLetterSchema.safeParse({ ...signed, undertakings: [true, true, true] }).success).toBe(false);
    expect(signLetterSchema.safeParse({ ...signed, signature: ' ' }).error!.issues[0]!.message).toBe(
      'Type your full name as your signature',
    );
  });
});
