/**
 * The incident routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/incidents`). Every step on a record refreshes it and the lists.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { momentInWords } from '@waymark/domain';
import type {
  BehaviourEntry,
  Chronology,
  IncidentDetail,
  IncidentReportRequest,
  IncidentSummary,
  PortalIncident,
} from '@waymark/domain/contracts/incidents';
import { api } from '../../api/client.ts';

export type { IncidentDetail, IncidentSummary, PortalIncident } from '@waymark/domain/contracts/incidents';

export const incidentKey = (id: string) => ['incidents', id] as const;

/** A date and time as people in a school read it: "Mon 12 Jan 2026, 09:10". */
export function londonDateTime(iso: string): string {
  return momentInWords(iso, { weekday: true });
}

export type IncidentListFilter = 'open' | 'closed' | 'all';

export function useIncidents(status: IncidentListFilter) {
  return useQuery({
    queryKey: ['incidents', 'list', status],
    queryFn: () => api<{ incidents: IncidentSummary[] }>('GET', `/api/incidents?status=${status}`),
  });
}

export function useIncident(incidentId: string) {
  return useQuery({
    queryKey: incidentKey(incidentId),
    queryFn: () => api<IncidentDetail>('GET', `/api/incidents/${incidentId}`),
  });
}

/** The provider's own reports, in the portal. */
export function usePortalIncidents() {
  return useQuery({
    queryKey: ['portal', 'incidents'],
    queryFn: () => api<{ incidents: PortalIncident[] }>('GET', '/api/portal/incidents'),
  });
}

/** A placement's behaviour log from provider reports. */
export function useBehaviourLog(placementId: string) {
  return useQuery({
    queryKey: ['placements', placementId, 'behaviour'],
    queryFn: () => api<{ entries: BehaviourEntry[] }>('GET', `/api/placements/${placementId}/behaviour`),
  });
}

/** A pupil's safeguarding chronology (DSLs only; each read is logged). */
export function useChronology(pupilId: string) {
  return useQuery({
    queryKey: ['pupils', pupilId, 'chronology'],
    queryFn: () => api<Chronology>('GET', `/api/pupils/${pupilId}/chronology`),
  });
}

/**
 * Reports a concern or incident to `path` (the school's route or the portal's), then attaches the file
 * chosen with it. The idempotency key is the caller's, one per report being written, so a retried send
 * is recorded once.
 */
export function useReportIncident(path: string) {
  return useMutation({
    mutationFn: async ({
      report,
      file,
      idempotencyKey,
    }: {
      report: IncidentReportRequest;
      file: File | null;
      idempotencyKey: string;
    }) => {
      const { id } = await api<{ id: string }>('POST', path, report, { 'idempotency-key': idempotencyKey });
      if (file) {
        const upload = new FormData();
        upload.append('description', 'Attached with the report');
        upload.append('file', file);
        await api('POST', `${path}/${id}/attachments`, upload);
      }
      return id;
    },
  });
}

/** One step of the workflow (triage, an action, a referral, closure) on a record. */
export function useIncidentStep<V>(incidentId: string, step: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: V) => api('POST', `/api/incidents/${incidentId}/${step}`, values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: incidentKey(incidentId) });
      await queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
    },
  });
}

export function useCompleteAction(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (actionId: string) => api('POST', `/api/incidents/${incidentId}/actions/${actionId}/done`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKey(incidentId) }),
  });
}
