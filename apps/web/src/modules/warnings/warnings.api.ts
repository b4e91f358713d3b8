/**
 * The early warning routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/warnings`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WarningSettings } from '@waymark/domain';
import type { WarningSettingsAnswer, Warnings } from '@waymark/domain/contracts/warnings';
import { api } from '../../api/client.ts';

export type { EarlyWarning, Warnings } from '@waymark/domain/contracts/warnings';

export const warningsKey = (placementId?: string) => ['warnings', placementId ?? 'all'] as const;

/** The warnings in reach, or those of one placement (and its provider). */
export function useWarnings(placementId?: string) {
  return useQuery({
    queryKey: warningsKey(placementId),
    queryFn: () => api<Warnings>('GET', `/api/warnings${placementId ? `?placement=${placementId}` : ''}`),
  });
}

/** Acknowledges a warning with a note: it stays quiet until it gets worse. */
export function useAcknowledgeWarning() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (acknowledgement: { key: string; note: string }) =>
      api<Warnings>('POST', '/api/warnings/acknowledgements', acknowledgement),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['warnings'] }),
  });
}

/** The group's thresholds (and the defaults beside them), and saving new ones. */
export function useWarningSettings() {
  const queryClient = useQueryClient();
  return {
    current: useQuery({
      queryKey: ['warnings', 'settings'],
      queryFn: () => api<WarningSettingsAnswer>('GET', '/api/warnings/settings'),
    }),
    save: useMutation({
      mutationFn: (settings: WarningSettings) =>
        api<WarningSettingsAnswer>('PUT', '/api/warnings/settings', settings),
      onSuccess: (saved) => {
        queryClient.setQueryData(['warnings', 'settings'], saved);
        queryClient.invalidateQueries({ queryKey: ['warnings'] });
      },
    }),
  };
}
