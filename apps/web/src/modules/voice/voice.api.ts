/**
 * The voice routes of a placement as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/voice`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlacementVoice, VoiceChangeRequest, VoiceLink } from '@waymark/domain/contracts/voice';
import { api } from '../../api/client.ts';

export type { PlacementVoice, VoiceLink } from '@waymark/domain/contracts/voice';

const voiceKey = (placementId: string) => ['placements', placementId, 'voice'];

/** This placement's requests by half-term, their answers, and the changes made because of them. */
export function usePlacementVoice(placementId: string) {
  return useQuery({
    queryKey: voiceKey(placementId),
    queryFn: () => api<PlacementVoice>('GET', `/api/placements/${placementId}/voice`),
  });
}

/** A new one-time link for a request (a parent's may be emailed), and a change made because of what was said. */
export function useVoiceActions(placementId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: voiceKey(placementId) });
  return {
    issue: useMutation({
      mutationFn: ({ requestId, email }: { requestId: string; email?: string }) =>
        api<VoiceLink>(
          'POST',
          `/api/placements/${placementId}/voice/${requestId}/link`,
          email ? { emailTo: email } : {},
        ),
      onSuccess: refresh,
    }),
    change: useMutation({
      mutationFn: (change: VoiceChangeRequest) =>
        api('POST', `/api/placements/${placementId}/voice/changes`, change),
      onSuccess: refresh,
    }),
  };
}
