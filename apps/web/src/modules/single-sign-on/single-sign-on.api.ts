/**
 * The group's sign-in services as the web calls them, with the answer's type from the shared contract
 * (`@waymark/domain/contracts/single-sign-on`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SignInProvider, SignInProviderRequest } from '@waymark/domain/contracts/single-sign-on';
import { api } from '../../api/client.ts';

export type { SignInProvider } from '@waymark/domain/contracts/single-sign-on';

const queryKey = ['sign-in-providers'] as const;

export function useSignInProviders() {
  return useQuery({
    queryKey,
    queryFn: () => api<{ providers: SignInProvider[] }>('GET', '/api/sign-in-providers'),
  });
}

/** Connecting a service, changing one (an empty secret keeps the stored one) and removing one. */
export function useSignInProviderChanges(providerId: string | null) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  return {
    save: useMutation({
      mutationFn: (service: SignInProviderRequest) =>
        providerId
          ? api('PATCH', `/api/sign-in-providers/${providerId}`, service)
          : api('POST', '/api/sign-in-providers', service),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: () => api('DELETE', `/api/sign-in-providers/${providerId}`),
      onSuccess: refresh,
    }),
  };
}
