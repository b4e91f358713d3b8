/**
 * The school calendar routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/calendar`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BankHolidayImportResult,
  DayView,
  TermDates,
  TermDatesRequest,
} from '@waymark/domain/contracts/calendar';
import { api, query } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';

export type { DayView, TermDates } from '@waymark/domain/contracts/calendar';

const termDatesPath = (schoolId: string | null, academicYear: string) =>
  `/api/schools/${schoolId}/term-dates${query({ academicYear })}`;

export function useTermDates(schoolId: string | null, academicYear: string) {
  return useQuery({
    queryKey: ['term-dates', schoolId, academicYear],
    queryFn: () => api<TermDates>('GET', termDatesPath(schoolId, academicYear)),
    enabled: Boolean(schoolId),
  });
}

/** One year's term dates, read once (to copy last year's into this one). */
export function fetchTermDates(schoolId: string, academicYear: string) {
  return api<TermDates>('GET', termDatesPath(schoolId, academicYear));
}

/** Replaces a year's half-terms and closures; the saved year goes straight into the cache. */
export function useSaveTermDates(schoolId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (year: TermDatesRequest) =>
      api<TermDates>('PUT', `/api/schools/${schoolId}/term-dates`, year),
    onSuccess: (saved) => queryClient.setQueryData(['term-dates', schoolId, saved.academicYear], saved),
  });
}

export function fetchDay(schoolId: string, date: string, addSchoolDays?: number) {
  return api<DayView>('GET', `/api/schools/${schoolId}/calendar/day${query({ date, addSchoolDays })}`);
}

/** Imports GOV.UK's bank-holidays.json as downloaded; a file that is not JSON is refused here. */
export function useImportBankHolidays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      let feed: unknown;
      try {
        feed = JSON.parse(await file.text());
      } catch {
        throw new ApiError(
          400,
          'file.not_json',
          'This file is not the GOV.UK bank holidays file: it is not JSON.',
        );
      }
      return api<BankHolidayImportResult>('POST', '/api/bank-holidays/import', feed);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['term-dates'] }),
  });
}
