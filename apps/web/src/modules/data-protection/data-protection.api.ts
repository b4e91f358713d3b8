/** The data protection routes as the web calls them, typed by the shared contract. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RetentionReport, Share } from '@waymark/domain/contracts/data-protection';
import { api } from '../../api/client.ts';

export type Retention = RetentionReport;
export type { Share };

/** The retention schedule and the records past it. */
export function useRetention() {
  return useQuery({
    queryKey: ['data-protection', 'retention'],
    queryFn: () => api<Retention>('GET', '/api/data-protection/retention'),
  });
}

/** Deletes what a reviewed retention line names (`path` is that record's deletion route), with the review. */
export function useReviewedDeletion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, reviewNote }: { path: string; reviewNote: string }) =>
      api('POST', path, { reviewNote }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['data-protection'] }),
  });
}

/** What was shared with providers, newest first. */
export function useSharingRecord() {
  return useQuery({
    queryKey: ['data-protection', 'sharing'],
    queryFn: () => api<{ shares: Share[] }>('GET', '/api/data-protection/sharing'),
  });
}
