import { useQuery } from '@tanstack/react-query';
import type { RoleName, ScopeType } from '@waymark/domain';
import type { Organisation } from '@waymark/domain/contracts/organisation';
import { api, query } from '../../api/client.ts';

export interface Assignment {
  id: string;
  role: RoleName;
  scopeType: ScopeType;
  scopeId: string;
  scopeName: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  isActive: boolean;
  createdAt: string;
  assignments: Assignment[];
}

export interface UserFilters {
  search?: string;
  role?: string;
  schoolId?: string;
  page: number;
}

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: ['users', filters],
    queryFn: () =>
      api<{ users: User[]; pageInfo: { page: number; pageSize: number; total: number } }>(
        'GET',
        `/api/users${query({ ...filters, pageSize: 25 })}`,
      ),
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
