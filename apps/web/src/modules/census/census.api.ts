/** The school census routes as the web calls them, typed by the shared contract. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CensusKey, CensusTerm } from '@waymark/domain';
import type { Census } from '@waymark/domain/contracts/census';
import { api } from '../../api/client.ts';

export type { Census };

/** The census a school has still to return, to open the page on. */
export function useNextCensus(schoolId: string | null) {
  return useQuery({
    queryKey: ['census-next', schoolId],
    queryFn: () => api<CensusKey>('GET', `/api/census/next?schoolId=${schoolId}`),
    enabled: Boolean(schoolId),
  });
}

/** One census: its records, what stops it being returned, and whether it was. */
export function useCensus(schoolId: string | null, academicYear: string, term: CensusTerm) {
  const query = `schoolId=${schoolId}&academicYear=${encodeURIComponent(academicYear)}&term=${term}`;
  return useQuery({
    queryKey: ['census', schoolId, academicYear, term],
    queryFn: () => api<Census>('GET', `/api/census?${query}`),
    enabled: Boolean(schoolId) && /^\d{4}\/\d{2}$/.test(academicYear),
  });
}

/** Records the return (with its placements) or that no AP was arranged in the period. */
export function useRecordCensusReturn(census: { schoolId: string; academicYear: string; term: CensusTerm }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: 'returned' | 'none_arranged') =>
      api<Census>('POST', '/api/census/returns', { ...census, kind }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['census', census.schoolId, census.academicYear, census.term], saved);
      queryClient.invalidateQueries({ queryKey: ['census-next', census.schoolId] });
    },
  });
}
