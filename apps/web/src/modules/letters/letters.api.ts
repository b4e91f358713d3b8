/**
 * The safeguarding assurance letter routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/letters`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SafeguardingLetter, SignLetterRequest } from '@waymark/domain/contracts/letters';
import { api } from '../../api/client.ts';

export type { SafeguardingLetter } from '@waymark/domain/contracts/letters';

/** A provider's letters, and asking it for a new one addressed to one of the group's schools. */
export function useProviderLetters(providerId: string) {
  const queryClient = useQueryClient();
  const key = ['providers', providerId, 'letters'];
  return {
    letters: useQuery({
      queryKey: key,
      queryFn: () => api<{ letters: SafeguardingLetter[] }>('GET', `/api/providers/${providerId}/letters`),
    }),
    request: useMutation({
      mutationFn: (schoolId: string | null) =>
        api<{ letters: SafeguardingLetter[] }>('POST', `/api/providers/${providerId}/letters`, { schoolId }),
      onSuccess: (saved) => queryClient.setQueryData(key, saved),
    }),
  };
}

/** Provider portal: the letters schools asked for, and signing one. */
export function usePortalLetters() {
  return useQuery({
    queryKey: ['portal', 'letters'],
    queryFn: () => api<{ letters: SafeguardingLetter[] }>('GET', '/api/portal/letters'),
  });
}

export function useSignLetter(letterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (signed: SignLetterRequest) =>
      api<SafeguardingLetter>('POST', `/api/portal/letters/${letterId}/sign`, signed),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portal', 'letters'] }),
  });
}
