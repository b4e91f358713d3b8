/**
 * The provider directory's routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/providers`). A change to a provider puts the saved record in the cache
 * and refreshes the lists, so the approval checklist and the directory agree at once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ProviderStatus, providerStatusLabels } from '@waymark/domain';
import type {
  DecisionRequest,
  Insurance,
  PolicyRequest,
  ProviderCommunication,
  ProviderDocument,
  ProviderRequest,
  ProviderView,
  RegistrationCheckRequest,
  Renewal,
  SlaRequest,
  SlaView,
} from '@waymark/domain/contracts/providers';
import { api, query } from '../../api/client.ts';

export type { ProviderStatus } from '@waymark/domain';
export type {
  Insurance,
  ProviderCommunication,
  ProviderDocument,
  Renewal,
  SlaRequest,
} from '@waymark/domain/contracts/providers';

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

export type Provider = ProviderView;
export type ApprovalStep = ProviderView['approval']['steps'][number];

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

/** A change answered with the whole provider: cached as it now stands, and every list refreshed. */
function useProviderChange<T>(run: (values: T) => Promise<Provider>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (saved) => {
      queryClient.setQueryData(['providers', saved.id], saved);
      queryClient.invalidateQueries({ queryKey: ['providers'] });
    },
  });
}

/** Adds a provider to the directory, or saves one already there. */
export function useSaveProvider(providerId?: string) {
  return useProviderChange((provider: ProviderRequest) =>
    providerId
      ? api<Provider>('PUT', `/api/providers/${providerId}`, provider)
      : api<Provider>('POST', '/api/providers', provider),
  );
}

export function useRegistrationCheck(providerId: string) {
  return useProviderChange((check: RegistrationCheckRequest) =>
    api<Provider>('PUT', `/api/providers/${providerId}/registration-check`, check),
  );
}

/** The headteacher's approval, suspension, withdrawal or reinstatement. */
export function useDecision(providerId: string) {
  return useProviderChange((decision: DecisionRequest) =>
    api<Provider>('POST', `/api/providers/${providerId}/decisions`, decision),
  );
}

export function useProviderDocuments(providerId: string) {
  return useQuery({
    queryKey: ['providers', providerId, 'documents'],
    queryFn: () => api<{ documents: ProviderDocument[] }>('GET', `/api/providers/${providerId}/documents`),
  });
}

/** Files a document (its details and the file as one multipart form); the list comes back whole. */
export function useFileDocument(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) =>
      api<{ documents: ProviderDocument[] }>('POST', `/api/providers/${providerId}/documents`, form),
    onSuccess: (saved) => queryClient.setQueryData(['providers', providerId, 'documents'], saved),
  });
}

export function useInsurance(providerId: string) {
  return useQuery({
    queryKey: ['providers', providerId, 'insurance'],
    queryFn: () => api<Insurance>('GET', `/api/providers/${providerId}/insurance`),
  });
}

export function useRecordPolicy(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: PolicyRequest) =>
      api<Insurance>('POST', `/api/providers/${providerId}/insurance`, policy),
    onSuccess: (saved) => queryClient.setQueryData(['providers', providerId, 'insurance'], saved),
  });
}

/** An agreement as recorded: its terms, the record's id and when it was recorded. */
export type RecordedSla = NonNullable<SlaView['sla']>;

export function useSla(providerId: string) {
  return useQuery({
    queryKey: ['providers', providerId, 'sla'],
    queryFn: () => api<SlaView>('GET', `/api/providers/${providerId}/sla`),
  });
}

/** Records the agreement; the provider is refreshed too, since the SLA is a step of its approval. */
export function useRecordSla(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sla: SlaRequest) => api<SlaView>('PUT', `/api/providers/${providerId}/sla`, sla),
    onSuccess: (saved) => {
      queryClient.setQueryData(['providers', providerId, 'sla'], saved);
      queryClient.invalidateQueries({ queryKey: ['providers', providerId] });
    },
  });
}

/** Evidence across the directory that has expired or runs out within 30 days. */
export function useRenewals() {
  return useQuery({
    queryKey: ['providers', 'renewals'],
    queryFn: () => api<{ renewals: Renewal[] }>('GET', '/api/providers/renewals'),
  });
}

export function useProviderCommunications(providerId: string) {
  return useQuery({
    queryKey: ['providers', providerId, 'communications'],
    queryFn: () =>
      api<{ communications: ProviderCommunication[] }>('GET', `/api/providers/${providerId}/communications`),
  });
}
