/**
 * The organisation routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/organisation`). Every change refreshes each page that lists the group.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Organisation, SchoolRequest } from '@waymark/domain/contracts/organisation';
import { api } from '../../api/client.ts';

export type { Organisation } from '@waymark/domain/contracts/organisation';

export function useOrganisation() {
  return useQuery({
    queryKey: ['organisation'],
    queryFn: () => api<Organisation>('GET', '/api/organisation'),
    staleTime: 300_000,
  });
}

function useOrganisationChange<T>(run: (values: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisation'] }),
  });
}

/** Adds a school, or saves one already there. */
export function useSaveSchool(schoolId?: string) {
  return useOrganisationChange((school: SchoolRequest) =>
    schoolId
      ? api('PATCH', `/api/organisation/schools/${schoolId}`, school)
      : api('POST', '/api/organisation/schools', school),
  );
}

export function useAddRegion() {
  return useOrganisationChange((name: string) => api('POST', '/api/organisation/regions', { name }));
}
