/**
 * The policy routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/policy`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PolicyOverview, PolicyVersionRequest } from '@waymark/domain/contracts/policy';
import { api } from '../../api/client.ts';

export type { PolicyOverview } from '@waymark/domain/contracts/policy';

export const policyKey = ['policy'];

/** The issue in force with its review state, and every earlier issue. */
export function usePolicy() {
  return useQuery({ queryKey: policyKey, queryFn: () => api<PolicyOverview>('GET', '/api/policy') });
}

/** Records a new issue after the yearly review; the review leaves the what-is-due board. */
export function useRecordIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (issue: PolicyVersionRequest) => api('POST', '/api/policy/versions', issue),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: policyKey });
      queryClient.invalidateQueries({ queryKey: ['obligations'] });
    },
  });
}
