/**
 * The AP policy itself (policy §13): each issue with its date, author, approver and next review, and
 * the form templates that belong to it. The policy is reviewed every year; Waymark reminds from 60
 * days before the review date.
 */
import { z } from 'zod';
import { addDays } from '../calendar/iso-date.ts';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';

export const POLICY_REVIEW_WARNING_DAYS = 60;

/** The policy as the seed document prints it: EDE/POL/013 issue 002. */
export const seedPolicyVersion = {
  policyNumber: 'EDE/POL/013',
  issueNumber: '002',
  issuedOn: '2025-09-01',
  author: 'James Madine',
  approver: 'Jo Sharpe',
  nextReviewOn: '2026-09-01',
  changes: 'The policy as adopted, with Appendices 1 to 5.',
} as const;

const words = (what: string, max = 200) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `Keep this under ${max} characters`);

export const policyVersionSchema = z
  .strictObject({
    policyNumber: words('the policy number', 40),
    issueNumber: words('the issue number', 20),
    issuedOn: isoDateSchema,
    author: words('the author'),
    approver: words('the approver'),
    nextReviewOn: isoDateSchema,
    changes: words('what changed in this issue', 4000),
  })
  .superRefine((v, ctx) => {
    if (v.nextReviewOn <= v.issuedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['nextReviewOn'],
        message: 'The review must come after the issue date',
      });
  });
export type PolicyVersionInput = z.infer<typeof policyVersionSchema>;

export type PolicyReviewState = 'overdue' | 'due_soon' | 'in_date';

export function policyReviewState(nextReviewOn: string, today: string): PolicyReviewState {
  if (nextReviewOn < today) return 'overdue';
  if (nextReviewOn <= addDays(today, POLICY_REVIEW_WARNING_DAYS)) return 'due_soon';
  return 'in_date';
}
