/**
 * The placement routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/placement-view`).
 */
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { placementStatusLabels } from '@waymark/domain';
import type {
  EhcpReviewTask,
  PlacementSummary,
  PlacementView,
  PortalPlacement,
  SharedWithProvider,
} from '@waymark/domain/contracts/placement-view';
import type { CommunicationRequest, CreatePlacementRequest } from '@waymark/domain/contracts/placements';
import { api, query } from '../../api/client.ts';

export type {
  PlacementSummary,
  PortalPlacement,
  SharedWithProvider,
} from '@waymark/domain/contracts/placement-view';

import { placementOutcomeLabels } from '@waymark/domain';

export type Placement = PlacementView;
export type Objective = PlacementView['objectives'][number];
export type Target = PlacementView['reintegrationTargets'][number];
export type Review = PlacementView['reviews'][number];

export const statusLabels = placementStatusLabels;
export const statusTones = {
  referral: 'warning',
  active: 'positive',
  ended: 'neutral',
  cancelled: 'neutral',
} as const;

/** How a placement ended, in the domain's words (one labels module for every code). */
export const outcomeLabels = placementOutcomeLabels;

export function usePlacements(
  filters: { status?: string | null; pupilId?: string },
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: ['placements', filters],
    queryFn: () => api<{ placements: PlacementSummary[] }>('GET', `/api/placements${query(filters)}`),
    enabled,
  });
}

/** Provider portal: one pupil placed with the provider and what the school has shared about them. */
export function usePortalPlacement(placementId: string) {
  return useQuery({
    queryKey: ['portal', 'placements', placementId],
    queryFn: () =>
      api<PortalPlacement & { shared: SharedWithProvider[] }>('GET', `/api/portal/placements/${placementId}`),
  });
}

/** Provider portal: the pupils placed with the provider, and referrals sent to it. */
export function usePortalPlacements() {
  return useQuery({
    queryKey: ['portal', 'placements'],
    queryFn: () => api<{ placements: PortalPlacement[] }>('GET', '/api/portal/placements'),
  });
}

export const placementKey = (id: string) => ['placements', id];

export function usePlacement(placementId: string) {
  return useQuery({
    queryKey: placementKey(placementId),
    queryFn: () => api<Placement>('GET', `/api/placements/${placementId}`),
  });
}

/**
 * A change to a placement (`method` on `/api/placements/:id/<path>`), answered with the whole placement,
 * which goes straight into the cache; `refresh` names lists that change with it. The caller's own
 * `onSaved` and `onError` run after.
 */
export function usePlacementChange<B = void>(
  placementId: string,
  method: 'POST' | 'PUT',
  path: string,
  {
    refresh = [],
    onSaved,
    onError,
  }: {
    refresh?: readonly QueryKey[];
    onSaved?: (saved: Placement, body: B) => void;
    onError?: (error: Error) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<Placement>(method, `/api/placements/${placementId}/${path}`, body),
    onSuccess: (saved, body) => {
      queryClient.setQueryData(placementKey(placementId), saved);
      for (const queryKey of refresh) queryClient.invalidateQueries({ queryKey });
      onSaved?.(saved, body);
    },
    ...(onError ? { onError } : {}),
  });
}

/** A note of contact, about a placement or with a provider: `path` is the log it goes to. */
export function useRecordCommunication<T>(path: string, onSaved: (saved: T) => void) {
  return useMutation({
    mutationFn: (note: CommunicationRequest) => api<T>('POST', path, note),
    onSuccess: onSaved,
  });
}

/** EHCP reviews the AP lead still has to arrange, across the schools in reach. */
export function useEhcpReviewTasks() {
  return useQuery({
    queryKey: ['placements', 'ehcp-reviews'],
    queryFn: () => api<{ tasks: EhcpReviewTask[] }>('GET', '/api/placements/ehcp-reviews'),
  });
}

/** Starts a referral for a pupil: a placement in the making, not yet shared with the provider. */
export function useCreatePlacement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (referral: CreatePlacementRequest) => api<Placement>('POST', '/api/placements', referral),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['placements'] }),
  });
}
