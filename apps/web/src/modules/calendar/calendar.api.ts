import { useQuery } from '@tanstack/react-query';
import type { ClosureKind, TermName } from '@waymark/domain';
import { api, query } from '../../api/client.ts';

export interface TermDates {
  schoolId: string;
  schoolName: string;
  academicYear: string;
  availableYears: string[];
  halfTerms: {
    academicYear: string;
    term: TermName;
    half: 1 | 2;
    label: string;
    startsOn: string;
    endsOn: string;
    schoolDays: number;
  }[];
  closureDays: { date: string; kind: ClosureKind; note: string }[];
  bankHolidays: { date: string; title: string }[];
  totalSchoolDays: number;
}

export interface DayView {
  date: string;
  isSchoolDay: boolean;
  reason: 'weekend' | 'holiday' | 'bank_holiday' | 'inset' | 'closure' | null;
  note: string | null;
  halfTerm: string | null;
  plusSchoolDays: { n: number; date: string } | null;
}

export function useTermDates(schoolId: string | null, academicYear: string) {
  return useQuery({
    queryKey: ['term-dates', schoolId, academicYear],
    queryFn: () => api<TermDates>('GET', `/api/schools/${schoolId}/term-dates${query({ academicYear })}`),
    enabled: Boolean(schoolId),
  });
}

export function fetchDay(schoolId: string, date: string, addSchoolDays?: number) {
  return api<DayView>('GET', `/api/schools/${schoolId}/calendar/day${query({ date, addSchoolDays })}`);
}
