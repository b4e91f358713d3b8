/**
 * The QA visit routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/qa`). The drafts a visitor's device keeps are in local-drafts.ts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { todayInLondon } from '@waymark/domain';
import type { QaActionRequest, QaDue, QaVisit } from '@waymark/domain/contracts/qa';
import { api } from '../../api/client.ts';
import type { LocalDraft } from './local-drafts.ts';

export type { PupilSeen, QaDue, QaVisit } from '@waymark/domain/contracts/qa';
export { type LocalDraft, localDrafts } from './local-drafts.ts';

export const visitKey = (id: string) => ['qa', 'visits', id] as const;

/** The visits due this term and last, and starting one today. */
export function useQaSchedule() {
  return useQuery({
    queryKey: ['qa', 'schedule'],
    queryFn: () => api<{ visits: QaDue[] }>('GET', '/api/qa/schedule'),
  });
}

export function useStartVisit() {
  return useMutation({
    mutationFn: (due: QaDue) =>
      api<{ id: string }>('POST', '/api/qa/visits', {
        schoolId: due.schoolId,
        providerId: due.providerId,
        visitOn: todayInLondon(),
      }),
  });
}

/**
 * The visit itself, saving a draft and completing it: plain calls rather than hooks, because the visit
 * page decides how each behaves without a connection (it keeps the draft on the device and says so).
 */
export const visitCalls = {
  load: (visitId: string) => api<QaVisit>('GET', `/api/qa/visits/${visitId}`),
  save: (visitId: string, draft: LocalDraft) => api('PUT', `/api/qa/visits/${visitId}`, draft),
  complete: (visitId: string) => api('POST', `/api/qa/visits/${visitId}/complete`),
};

/** Actions agreed with the provider on a visit, and marking one done; each refreshes the visit. */
export function useQaActions(visitId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: visitKey(visitId) });
  return {
    add: useMutation({
      mutationFn: (action: QaActionRequest) => api('POST', `/api/qa/visits/${visitId}/actions`, action),
      onSuccess: refresh,
    }),
    done: useMutation({
      mutationFn: (actionId: string) => api('POST', `/api/qa/actions/${actionId}/done`),
      onSuccess: refresh,
    }),
  };
}
