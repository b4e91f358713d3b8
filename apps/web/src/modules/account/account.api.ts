/**
 * A person's own account as the web calls it, with types from the shared contracts
 * (`@waymark/domain/contracts/account`, `…/auth`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryMode, NotificationKind } from '@waymark/domain';
import type {
  CalendarFeedStatus,
  NotificationPreference,
  SecondFactorStatus,
} from '@waymark/domain/contracts/account';
import { api } from '../../api/client.ts';

/** Changing one's password (other devices are signed out), and signing out everywhere at once. */
export const accountCalls = {
  changePassword: (change: { currentPassword: string; newPassword: string }) =>
    api('POST', '/api/auth/password', change),
  signOutEverywhere: () => api('POST', '/api/auth/sign-out-everywhere'),
};

const feedKey = ['account', 'calendar-feed'];

/** The private calendar address: whether one is live, making a new one (shown once) and stopping it. */
export function useCalendarFeed() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: feedKey });
  return {
    status: useQuery({
      queryKey: feedKey,
      queryFn: () => api<CalendarFeedStatus>('GET', '/api/account/calendar-feed'),
    }),
    create: useMutation({
      mutationFn: () => api<{ url: string }>('POST', '/api/account/calendar-feed'),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: () => api('DELETE', '/api/account/calendar-feed'),
      onSuccess: refresh,
    }),
  };
}

const preferencesKey = ['account', 'notifications'];

/** Which emails come at once and which in the morning summary. */
export function useNotificationPreferences() {
  const queryClient = useQueryClient();
  return {
    preferences: useQuery({
      queryKey: preferencesKey,
      queryFn: () => api<{ preferences: NotificationPreference[] }>('GET', '/api/account/notifications'),
    }),
    choose: useMutation({
      mutationFn: (choice: { kind: NotificationKind; mode: DeliveryMode }) =>
        api<{ preferences: NotificationPreference[] }>('PUT', '/api/account/notifications', choice),
      onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
    }),
  };
}

export const secondFactorKey = ['account', 'second-factor'];

/** Two-factor sign-in as it stands for the person, and replacing their recovery codes. */
export function useSecondFactor() {
  const queryClient = useQueryClient();
  return {
    status: useQuery({
      queryKey: secondFactorKey,
      queryFn: () => api<SecondFactorStatus>('GET', '/api/account/second-factor'),
    }),
    replaceCodes: useMutation({
      mutationFn: () => api<{ recoveryCodes: string[] }>('POST', '/api/account/second-factor/recovery-codes'),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: secondFactorKey }),
    }),
  };
}
