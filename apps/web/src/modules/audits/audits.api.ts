/**
 * The audit routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/audits`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditAnswers } from '@waymark/domain';
import type {
  AuditSummary,
  AuditTemplateSummary,
  AuditTemplateWithQuestions,
  AuditView,
  PublishTemplateRequest,
  StartAuditRequest,
} from '@waymark/domain/contracts/audits';
import { api } from '../../api/client.ts';

export type { AuditSummary, AuditTemplateWithQuestions, AuditView } from '@waymark/domain/contracts/audits';

export function useAudit(auditId: string) {
  return useQuery({
    queryKey: ['audits', auditId],
    queryFn: () => api<AuditView>('GET', `/api/audits/${auditId}`),
  });
}

/** A provider's audits, newest first, and starting the next one. */
export function useProviderAudits(providerId: string) {
  return useQuery({
    queryKey: ['providers', providerId, 'audits'],
    queryFn: () => api<{ audits: AuditSummary[] }>('GET', `/api/providers/${providerId}/audits`),
  });
}

export function useStartAudit(providerId: string) {
  return useMutation({
    mutationFn: (visit: StartAuditRequest) =>
      api<AuditView>('POST', `/api/providers/${providerId}/audits`, visit),
  });
}

/**
 * Saving a draft, and submitting (which saves first, so what is checked is exactly what is on the
 * screen). Each answer puts the saved audit in the cache and refreshes the provider's approval.
 */
export function useAuditAnswers(auditId: string) {
  const queryClient = useQueryClient();
  const saved = (audit: AuditView) => {
    queryClient.setQueryData(['audits', auditId], audit);
    queryClient.invalidateQueries({ queryKey: ['providers'] });
  };
  const put = (answers: AuditAnswers) => api<AuditView>('PUT', `/api/audits/${auditId}`, { answers });
  return {
    save: useMutation({ mutationFn: put, onSuccess: saved }),
    submit: useMutation({
      mutationFn: async (answers: AuditAnswers) => {
        await put(answers);
        return api<AuditView>('POST', `/api/audits/${auditId}/submit`);
      },
      onSuccess: saved,
    }),
  };
}

/** The audit form's published versions, the one new audits use, and publishing the next. */
export function useAuditTemplates() {
  return useQuery({
    queryKey: ['audit-templates'],
    queryFn: () => api<{ templates: AuditTemplateSummary[] }>('GET', '/api/audit-templates'),
  });
}

export function useCurrentAuditTemplate() {
  return useQuery({
    queryKey: ['audit-templates', 'current'],
    queryFn: () => api<AuditTemplateWithQuestions>('GET', '/api/audit-templates/current'),
  });
}

export function usePublishAuditTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (next: PublishTemplateRequest) =>
      api<AuditTemplateWithQuestions>('POST', '/api/audit-templates', next),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit-templates'] }),
  });
}
