/**
 * The provider staff and invitation routes as the web calls them, with types from the shared
 * contract (`@waymark/domain/contracts/invitations`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationView, InviteStaffRequest, StaffMember } from '@waymark/domain/contracts/invitations';
import { api } from '../../api/client.ts';
import type { Session } from '../auth/session.ts';

export type { StaffMember } from '@waymark/domain/contracts/invitations';

/** Who at a provider can use the portal; inviting one, and sending a new link to one invited before. */
export function useProviderStaff(providerId: string) {
  const queryClient = useQueryClient();
  const key = ['providers', providerId, 'staff'];
  const keep = (result: { staff: StaffMember[] }) => queryClient.setQueryData(key, result);
  return {
    staff: useQuery({
      queryKey: key,
      queryFn: () => api<{ staff: StaffMember[] }>('GET', `/api/providers/${providerId}/staff`),
    }),
    invite: useMutation({
      mutationFn: (person: InviteStaffRequest) =>
        api<{ staff: StaffMember[] }>('POST', `/api/providers/${providerId}/staff`, person),
      onSuccess: keep,
    }),
    resend: useMutation({
      mutationFn: (person: StaffMember) =>
        api<{ staff: StaffMember[] }>('POST', `/api/providers/${providerId}/staff/${person.id}/invitation`),
      onSuccess: keep,
    }),
  };
}

/** What an invitation link is for, or why it cannot be used. */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<InvitationView>('GET', `/api/invitations/${token}`),
    retry: false,
  });
}

/** Sets the invited person's password, then signs them in with it. */
export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: async ({ password }: { password: string }) => {
      const { email } = await api<{ email: string }>('POST', '/api/invitations/accept', { token, password });
      return api<{ session: Session }>('POST', '/api/auth/sign-in', { email, password });
    },
  });
}
