/**
 * The outbox routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/outbox`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailStatus, EmailView, OutboxPage } from '@waymark/domain/contracts/outbox';
import { api, query } from '../../api/client.ts';

export type { EmailStatus, EmailSummary, EmailView } from '@waymark/domain/contracts/outbox';

export { emailStatusLabels as statusLabels } from '@waymark/domain/contracts/outbox';
export const statusTones = { queued: 'info', sent: 'positive', failed: 'danger' } as const;

/** A page of the group's emails, newest first, optionally of one status. */
export function useOutbox(filters: { status: EmailStatus | null; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['outbox', filters],
    queryFn: () => api<OutboxPage>('GET', `/api/outbox${query(filters)}`),
    placeholderData: (previous) => previous,
  });
}

/** One email with its text, and sending a failed one again. */
export function useEmail(emailId: string) {
  const queryClient = useQueryClient();
  return {
    email: useQuery({
      queryKey: ['outbox', emailId],
      queryFn: () => api<EmailView>('GET', `/api/outbox/${emailId}`),
    }),
    retry: useMutation({
      mutationFn: () => api<EmailView>('POST', `/api/outbox/${emailId}/retry`),
      onSuccess: (result) => {
        queryClient.setQueryData(['outbox', emailId], result);
        queryClient.invalidateQueries({ queryKey: ['outbox'] });
      },
    }),
  };
}
