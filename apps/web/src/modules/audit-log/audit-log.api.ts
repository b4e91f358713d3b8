/**
 * The audit log routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/audit-log`).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { AuditPage, ChainVerification } from '@waymark/domain/contracts/audit-log';
import { api, query } from '../../api/client.ts';

export type { AuditEvent } from '@waymark/domain/contracts/audit-log';

/** A page of the events in reach, newest first, narrowed by the filters. */
export function useAuditLog(filters: Record<string, string | number | null | undefined>) {
  return useQuery({
    queryKey: ['audit-log', filters],
    queryFn: () => api<AuditPage>('GET', `/api/audit-log${query(filters)}`),
    placeholderData: (previous) => previous,
  });
}

/** Seals waiting events into the hash chain, then checks every link (a read that is itself logged). */
export function useChainCheck() {
  return useMutation({ mutationFn: () => api<ChainVerification>('GET', '/api/audit-log/verification') });
}
