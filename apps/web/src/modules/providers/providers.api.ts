import { useQuery } from '@tanstack/react-query';
import {
  type ofstedGrades,
  type ProviderStatus,
  providerStatusLabels,
  type SettingType,
} from '@waymark/domain';
import { api, query } from '../../api/client.ts';

export type { ProviderStatus } from '@waymark/domain';

export const statusLabels = providerStatusLabels;

export const statusTones: Record<ProviderStatus, 'neutral' | 'warning' | 'info' | 'positive' | 'danger'> = {
  draft: 'neutral',
  under_audit: 'warning',
  awaiting_letter: 'info',
  ready_for_approval: 'info',
  approved: 'positive',
  lapsed: 'danger',
  suspended: 'danger',
  withdrawn: 'neutral',
};

export interface ApprovalStep {
  id: 'audit' | 'registration' | 'letter' | 'insurance' | 'sla' | 'sign_off';
  label: string;
  done: boolean;
  detail: string;
}

interface Person {
  name: string;
  trainingDetails: string | null;
  trainedOn: string | null;
}

export interface Provider {
  id: string;
  name: string;
  settingType: SettingType | null;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  telephone: string | null;
  email: string | null;
  keyContactName: string | null;
  keyContactRole: string | null;
  dfeNumber: string | null;
  urn: string | null;
  ukprn: string | null;
  aalaLicence: string | null;
  ofstedGrade: (typeof ofstedGrades)[number] | null;
  ofstedReportDate: string | null;
  onLaFramework: boolean | null;
  dsl: Person | null;
  deputyDsl: Person | null;
  status: ProviderStatus;
  registration: {
    fullTimePupils: number;
    fullTimePupilsLookedAfterOrEhcp: number;
    fromPlacements: { fullTimePupils: number; fullTimePupilsLookedAfterOrEhcp: number };
    reportedByProvider: { fullTimePupils: number; fullTimePupilsLookedAfterOrEhcp: number } | null;
    checkedOn: string | null;
    mustRegister: boolean;
    alarm: boolean;
    reason: string;
  } | null;
  lastAudit: {
    id: string;
    status: 'draft' | 'submitted';
    visitedAt: string;
    suitable: boolean | null;
  } | null;
  approval: { readyForSignOff: boolean; steps: ApprovalStep[] };
  updatedAt: string;
}

export interface ProviderFilters {
  search?: string;
  status?: string;
  settingType?: string;
  sort: string;
}

export function useProviders(filters: ProviderFilters) {
  return useQuery({
    queryKey: ['providers', filters],
    queryFn: () => api<{ providers: Provider[] }>('GET', `/api/providers${query({ ...filters })}`),
    placeholderData: (previous) => previous,
  });
}

export function useProvider(providerId: string) {
  return useQuery({
    queryKey: ['providers', providerId],
    queryFn: () => api<Provider>('GET', `/api/providers/${providerId}`),
  });
}
