/**
 * The voice routes of a placement as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/voice`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Respondent } from '@waymark/domain';
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

// The provider's trends and the public form are typed here by hand: their routes have no response
// schema yet (docs/architecture.md, "Shared contracts").
export interface VoiceScore {
  questionId: string;
  text: string;
  responses: number;
  average: number | null;
}
export interface VoiceHalfTerm {
  halfTerm: string;
  pupil: VoiceScore[];
  parent: VoiceScore[];
}

/** What pupils and parents say about a provider, half-term by half-term. */
export function useVoiceTrends(providerId: string) {
  return useQuery({
    queryKey: ['providers', providerId, 'voice-trends'],
    queryFn: () => api<{ halfTerms: VoiceHalfTerm[] }>('GET', `/api/providers/${providerId}/voice-trends`),
  });
}

export interface VoiceForm {
  respondent: Respondent;
  firstName: string;
  providerName: string;
  expiresOn: string;
  questions: { id: string; text: string; kind: 'scale' | 'words' }[];
  scale: { value: number; face: string; words: string }[];
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
