/**
 * The progress report routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/progress-reports`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProgressReportDue,
  ProgressReportRequest,
  ProgressReportView,
} from '@waymark/domain/contracts/progress-reports';
import { api } from '../../api/client.ts';

export type ProgressReport = ProgressReportView;
export type { ProgressReportDue };

const dueKey = ['portal', 'progress-reports', 'due'] as const;

const progressReportsKey = (placementId: string, portal: boolean) =>
  [portal ? 'portal' : 'placements', placementId, 'progress-reports'] as const;
const pathOf = (placementId: string, portal: boolean) =>
  `/api/${portal ? 'portal/' : ''}placements/${placementId}/progress-reports`;

/** A placement's progress reports, newest first: as the school reads them, or in the portal. */
export function useProgressReports(placementId: string, { portal = false } = {}) {
  return useQuery({
    queryKey: progressReportsKey(placementId, portal),
    queryFn: () => api<{ reports: ProgressReport[] }>('GET', pathOf(placementId, portal)),
  });
}

/**
 * Sends a report from the portal. The caller passes one idempotency key per report being written, so a
 * retry after a dropped connection is the same report.
 */
export function useSendProgressReport(placementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ report, idempotencyKey }: { report: ProgressReportRequest; idempotencyKey: string }) =>
      api('POST', pathOf(placementId, true), report, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: progressReportsKey(placementId, true) }),
        queryClient.invalidateQueries({ queryKey: dueKey }),
      ]),
  });
}

/** Provider portal: the progress reports owed this half-term, soonest due first. */
export function usePortalProgressReportsDue() {
  return useQuery({
    queryKey: dueKey,
    queryFn: () => api<{ due: ProgressReportDue[] }>('GET', '/api/portal/progress-reports/due'),
  });
}
