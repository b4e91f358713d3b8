/** The report routes as the web calls them, typed by the shared contract. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GovernorsReport, SchoolBudget } from '@waymark/domain/contracts/reports';
import { api } from '../../api/client.ts';

/** A count in a report: a number, or "fewer than 5" where a wider report hides it. */
export type Count = GovernorsReport['usage']['pupils'];

/** The termly report for one school, a region or the group; `query` is its scope, year and term. */
export function useGovernorsReport(query: string, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'governors', query],
    queryFn: () => api<GovernorsReport>('GET', `/api/reports/governors?${query}`),
    enabled,
    retry: false,
  });
}

/** Each school's AP budget for the year against spend so far, and setting one school's budget. */
export function useBudgets(academicYear: string, scope: string, id: string) {
  const queryClient = useQueryClient();
  const key = ['reports', 'budgets', academicYear, scope, id];
  return {
    list: useQuery({
      queryKey: key,
      queryFn: () =>
        api<{ budgets: SchoolBudget[] }>(
          'GET',
          `/api/reports/budgets?academicYear=${encodeURIComponent(academicYear)}&scope=${scope}&id=${id}`,
        ),
      enabled: /^\d{4}\/\d{2}$/.test(academicYear),
    }),
    save: useMutation({
      mutationFn: (b: { schoolId: string; amountPounds: number }) =>
        api('PUT', `/api/reports/budgets/${b.schoolId}`, { academicYear, amountPounds: b.amountPounds }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
    }),
  };
}
