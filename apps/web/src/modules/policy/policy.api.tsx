import type { PolicyReviewState } from '@waymark/domain';
import { Tag } from '../../ui/Tag.tsx';

export interface PolicyVersion {
  id: string;
  policyNumber: string;
  issueNumber: string;
  issuedOn: string;
  author: string;
  approver: string;
  nextReviewOn: string;
  changes: string;
  auditTemplateVersion: number;
  qaTemplateVersion: number;
}
export interface PolicyOverview {
  current: (PolicyVersion & { review: PolicyReviewState }) | null;
  versions: PolicyVersion[];
}

export const policyKey = ['policy'];

export function ReviewTag({ review }: { review: PolicyReviewState }) {
  if (review === 'overdue') return <Tag tone="danger">Review overdue</Tag>;
  if (review === 'due_soon') return <Tag tone="warning">Review due soon</Tag>;
  return <Tag tone="positive">In date</Tag>;
}
