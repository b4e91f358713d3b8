/**
 * The user administration routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/users`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoleName, ScopeType } from '@waymark/domain';
import type { Organisation } from '@waymark/domain/contracts/organisation';
import type { CreateUserRequest, UserListPage, UserView } from '@waymark/domain/contracts/users';
import { api, query } from '../../api/client.ts';

export type User = UserView;
export type Assignment = UserView['assignments'][number];

export interface UserFilters {
  search?: string;
  role?: string;
  schoolId?: string;
  page: number;
}

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: ['users', filters],
    queryFn: () => api<UserListPage>('GET', `/api/users${query({ ...filters, pageSize: 25 })}`),
    placeholderData: (previous) => previous,
  });
}

export function useUser(userId: string) {
  return useQuery({ queryKey: ['users', userId], queryFn: () => api<User>('GET', `/api/users/${userId}`) });
}

/** The places a role can be given in, for a select list. */
export function scopeOptions(organisation: Organisation | undefined, scopeType: ScopeType) {
  if (!organisation) return [];
  switch (scopeType) {
    case 'group':
      return [{ value: organisation.group.id, label: organisation.group.name }];
    case 'region':
      return organisation.regions.map((r) => ({ value: r.id, label: r.name }));
    case 'school':
      return organisation.schools.map((s) => ({ value: s.id, label: s.name }));
    case 'provider':
      return organisation.providers.map((p) => ({ value: p.id, label: p.name }));
  }
}

/** What an administrator does to an account; each answers with the user, or nothing. */
export const userCalls = {
  create: (user: CreateUserRequest) => api<User>('POST', '/api/users', user),
  /** A role as chosen in the picker: the route names a part not yet chosen. */
  addRole: (userId: string, role: { role: RoleName | ''; scopeType: ScopeType | ''; scopeId: string }) =>
    api<User>('POST', `/api/users/${userId}/assignments`, role),
  removeRole: (userId: string, assignmentId: string) =>
    api<User>('DELETE', `/api/users/${userId}/assignments/${assignmentId}`),
  setActive: (userId: string, isActive: boolean) => api<User>('PATCH', `/api/users/${userId}`, { isActive }),
  resetPassword: (userId: string, password: string) =>
    api('POST', `/api/users/${userId}/password`, { password }),
  signOutEverywhere: (userId: string) => api('POST', `/api/users/${userId}/sign-out-everywhere`),
  resetSecondFactor: (userId: string) => api('DELETE', `/api/users/${userId}/second-factor`),
};

/** A change to one user: an answer that is the user goes into the cache, and the lists refresh. */
export function useUserChange<TArgs>(
  userId: string,
  run: (args: TArgs) => Promise<unknown>,
  { onSaved }: { onSaved?: () => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'id' in result)
        queryClient.setQueryData(['users', userId], result);
      queryClient.invalidateQueries({ queryKey: ['users'] });
      onSaved?.();
    },
  });
}

/** Adds a person with a first password and, if chosen, their first role. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: userCalls.create,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
