/**
 * The policy routes as the web calls them. The overview is typed here by hand: its route has no
 * response schema yet (docs/architecture.md, "Shared contracts").
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PolicyReviewState } from '@waymark/domain';
import { api } from '../../api/client.ts';

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

/** The issue in force with its review state, and every earlier issue. */
export function usePolicy() {
  return useQuery({ queryKey: policyKey, queryFn: () => api<PolicyOverview>('GET', '/api/policy') });
}

/** Records a new issue after the yearly review; the review leaves the what-is-due board. */
export function useRecordIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (issue: Omit<PolicyVersion, 'id' | 'auditTemplateVersion' | 'qaTemplateVersion'>) =>
      api('POST', '/api/policy/versions', issue),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: policyKey });
      queryClient.invalidateQueries({ queryKey: ['obligations'] });
    },
  });
}
