import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyReviewState, policyVersionSchema, seedPolicyVersion } from './policy-versions.ts';

describe('the AP policy versions', () => {
  it('starts from the seed policy’s own header', () => {
    // The header table of the policy as printed, kept beside the test.
    const header = readFileSync(new URL('./fixtures/policy-header.txt', import.meta.url), 'utf8');
    const [day, month, year] = /Issue Date\t(\d\d)\/(\d\d)\/(\d{4})/.exec(header)!.slice(1);
    expect(seedPolicyVersion.issuedOn).toBe(`${year}-${month}-${day}`);
    expect(header).toContain(`Policy Number\t${seedPolicyVersion.policyNumber}`);
    expect(header).toContain(`Issue Number\t${seedPolicyVersion.issueNumber}`);
    expect(header).toContain(`Author\t${seedPolicyVersion.author}`);
    expect(header).toContain(`Approver\t${seedPolicyVersion.approver}`);
    expect(policyVersionSchema.safeParse(seedPolicyVersion).success).toBe(true);
  });

  it('says when the annual review is overdue or coming up', () => {
    expect(policyReviewState('2026-09-01', '2026-11-29')).toBe('overdue');
    expect(policyReviewState('2027-01-20', '2026-11-29')).toBe('due_soon');
    expect(policyReviewState('2027-09-01', '2026-11-29')).toBe('in_date');
  });

  it('refuses a review date before the issue date', () => {
    const result = policyVersionSchema.safeParse({ ...seedPolicyVersion, nextReviewOn: '2025-08-01' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['nextReviewOn'] });
  });
});
