/**
 * The data protection routes as the web calls them. The retention report and the sharing record are
 * typed here by hand: their routes have no response schema yet (docs/architecture.md).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface Retention {
  schedule: { kind: string; label: string; years: number; confirmed: boolean; changedLocally: boolean }[];
  pupilRecordsPast: {
    pupilId: string;
    name: string;
    school: string;
    dateOfBirth: string;
    keptUntil: string;
  }[];
  registerEntriesPast: { before: string; entries: number };
  keptDocuments: { id: string; title: string; pupilName: string; keptUntil: string; past: boolean }[];
}
export interface Share {
  sharedOn: string;
  provider: string;
  school: string;
  pupil: string;
  what: string;
  method: string;
  sharedBy: string;
}

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
