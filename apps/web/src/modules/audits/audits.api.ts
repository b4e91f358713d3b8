import { useQuery } from '@tanstack/react-query';
import type { AuditAnswers, AuditTemplate, MissingAnswer } from '@waymark/domain';
import { api } from '../../api/client.ts';

export interface AuditSummary {
  id: string;
  status: 'draft' | 'submitted';
  visitedAt: string;
  auditorName: string;
  templateVersion: number;
  answered: number;
  questionCount: number;
  suitable: boolean | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface AuditView extends AuditSummary {
  providerId: string;
  providerName: string;
  template: AuditTemplate;
  answers: AuditAnswers;
  missing: MissingAnswer[];
}

export function useAudit(auditId: string) {
  return useQuery({
    queryKey: ['audits', auditId],
    queryFn: () => api<AuditView>('GET', `/api/audits/${auditId}`),
  });
}
