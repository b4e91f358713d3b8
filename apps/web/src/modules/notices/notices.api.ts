/**
 * The provider notices routes as the web calls them. Types come from the shared contract
 * (`@waymark/domain/contracts/notices`), the shapes the API validates and answers with.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { NoticeDue, ProviderNotice, ProviderNoticeRequest } from '@waymark/domain/contracts/notices';
import { api } from '../../api/client.ts';

export { noticeDeadlineLabels as deadlineLabels } from '@waymark/domain';
export type { NoticeDue, ProviderNotice, ProviderNoticeRequest } from '@waymark/domain/contracts/notices';

/** The changes a provider told the school about (the provider page), or that the portal user told (the portal). */
export function useNotices(where: { providerId: string } | 'portal') {
  const path = where === 'portal' ? '/api/portal/notices' : `/api/providers/${where.providerId}/notices`;
  return useQuery({
    queryKey: where === 'portal' ? ['portal', 'notices'] : ['providers', where.providerId, 'notices'],
    queryFn: () => api<{ notices: ProviderNotice[] }>('GET', path),
  });
}

/** Records a notice: from the portal, or by school staff who were told by phone or email. */
export function useRecordNotice(where: { providerId: string } | 'portal') {
  const path = where === 'portal' ? '/api/portal/notices' : `/api/providers/${where.providerId}/notices`;
  return useMutation({
    mutationFn: (notice: ProviderNoticeRequest) => api<ProviderNotice>('POST', path, notice),
  });
}

/**
 * Provider portal: what the provider owes the schools now (the termly filtering assurance). Under the
 * portal notices' key, so recording a notice refreshes it.
 */
export function usePortalNoticesDue() {
  return useQuery({
    queryKey: ['portal', 'notices', 'due'],
    queryFn: () => api<{ due: NoticeDue[] }>('GET', '/api/portal/notices/due'),
  });
}
