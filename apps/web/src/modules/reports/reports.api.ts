/**
 * The report routes as the web calls them. The governors' report's shape is still kept here by hand:
 * its route has no response schema yet (docs/architecture.md, "Shared contracts").
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportFigure } from '@waymark/domain';
import { api } from '../../api/client.ts';

export type Count = number | 'fewer than 5';

export interface GovernorsReport {
  title: string;
  scope: { kind: string; name: string };
  term: { from: string; to: string };
  suppressed: boolean;
  empty: boolean;
  usage: {
    pupils: Count;
    placements: Count;
    hoursPerWeek: number;
    byType: { label: string; count: Count }[];
    byProvider: { label: string; count: Count }[];
  };
  providerQuality: {
    providers: { name: string; status: string }[];
    qaVisits: Count;
    qaJudgements: { label: string; count: Count }[];
  };
  attendance: {
    attendancePercent: ReportFigure;
    bySchool: { school: string; attendancePercent: ReportFigure }[];
    persistentAbsence: Count;
    severeAbsence: Count;
    firstDayCalls: Count;
    callsClosedOnTheDay: Count;
  };
  safeguarding: { byKind: { label: string; count: Count }[]; toldSameDayPercent: ReportFigure };
  progress: {
    reviewsHeld: Count;
    objectives: Count;
    objectivesReviewed: Count;
    reintegrationTargets: Count;
    reintegrationTargetsReviewed: Count;
    decisions: { label: string; count: Count }[];
  };
  transitions: {
    ended: Count;
    outcomes: { label: string; count: Count }[];
    destinations: { label: string; count: Count }[];
  };
  voice: {
    responses: Count;
    pupil: { text: string; average: ReportFigure }[];
    parent: { text: string; average: ReportFigure }[];
  };
  training: { staff: Count; withTrainingInDate: Count; reviewedInTheYear: Count };
  costs: { provider: string; placementsWithCost: Count; averagePerPupilPerDayPence: ReportFigure }[];
  budget: {
    academicYear: string;
    budgetPence: number | null;
    spentToTermEndPence: number;
    forecastPence: number;
    schoolsWithoutBudget: number;
  };
}

/** The termly report for one school, a region or the group; `query` is its scope, year and term. */
export function useGovernorsReport(query: string, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'governors', query],
    queryFn: () => api<GovernorsReport>('GET', `/api/reports/governors?${query}`),
    enabled,
    retry: false,
  });
}

export interface Budget {
  schoolId: string;
  schoolName: string;
  budgetPence: number | null;
  spentToDatePence: number;
  forecastPence: number;
  remainingPence: number | null;
}

/** Each school's AP budget for the year against spend so far, and setting one school's budget. */
export function useBudgets(academicYear: string, scope: string, id: string) {
  const queryClient = useQueryClient();
  const key = ['reports', 'budgets', academicYear, scope, id];
  return {
    list: useQuery({
      queryKey: key,
      queryFn: () =>
        api<{ budgets: Budget[] }>(
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
