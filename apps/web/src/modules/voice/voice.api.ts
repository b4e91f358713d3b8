/**
 * The voice routes as the web calls them (a placement's requests, a provider's trends and the public
 * form), with types from the shared contract (`@waymark/domain/contracts/voice`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PlacementVoice,
  VoiceChangeRequest,
  VoiceForm,
  VoiceLink,
  VoiceTrends,
} from '@waymark/domain/contracts/voice';
import { api } from '../../api/client.ts';

export type { PlacementVoice, VoiceForm, VoiceLink } from '@waymark/domain/contracts/voice';

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

export type VoiceHalfTerm = VoiceTrends['halfTerms'][number];
export type VoiceScore = VoiceHalfTerm['pupil'][number];

/** What pupils and parents say about a provider, half-term by half-term. */
export function useVoiceTrends(providerId: string) {
  return useQuery({
    queryKey: ['providers', providerId, 'voice-trends'],
    queryFn: () => api<VoiceTrends>('GET', `/api/providers/${providerId}/voice-trends`),
  });
}

/** The form a one-time link opens (no account needed), and answering it, once. */
export function useVoiceForm(token: string) {
  return {
    form: useQuery({
      queryKey: ['voice', token],
      queryFn: () => api<VoiceForm>('GET', `/api/voice/forms/${token}`),
      retry: false,
    }),
    answer: useMutation({
      mutationFn: (sent: { answers: Record<string, number | string>; withStaff: boolean }) =>
        api('POST', `/api/voice/forms/${token}`, sent),
    }),
  };
}
