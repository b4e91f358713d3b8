/** Request and response shapes of the AP policy routes: the issue in force and every earlier issue. */
import { z } from 'zod';
import { policyVersionSchema } from '../policy/policy-versions.ts';

export { policyVersionSchema };

export const policyVersionViewSchema = z.object({
  id: z.uuid(),
  policyNumber: z.string(),
  issueNumber: z.string(),
  issuedOn: z.string(),
  author: z.string(),
  approver: z.string(),
  nextReviewOn: z.string(),
  changes: z.string(),
  /** The audit and QA form versions in force when the issue was recorded. */
  auditTemplateVersion: z.number().int(),
  qaTemplateVersion: z.number().int(),
  recordedByName: z.string(),
});

export const policyOverviewSchema = z.object({
  current: policyVersionViewSchema.extend({ review: z.enum(['overdue', 'due_soon', 'in_date']) }).nullable(),
  versions: z.array(policyVersionViewSchema),
});

export type PolicyVersionView = z.infer<typeof policyVersionViewSchema>;
export type PolicyOverview = z.infer<typeof policyOverviewSchema>;
export type PolicyVersionRequest = z.input<typeof policyVersionSchema>;
