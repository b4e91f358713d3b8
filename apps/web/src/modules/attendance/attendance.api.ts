/**
 * The attendance routes as the web calls them. Types come from the shared contracts
 * (`@waymark/domain/contracts/attendance`), the shapes the API validates and answers with.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AbsenceReason, CallStep, ProviderMark } from '@waymark/domain';
import type { AttendanceBoard, ProviderRegister } from '@waymark/domain/contracts/attendance';
import { api } from '../../api/client.ts';

export type {
  AttendanceBoard,
  FirstDayCallOnBoard,
  ProviderRegister,
} from '@waymark/domain/contracts/attendance';

export function useAttendanceBoard(date: string) {
  return useQuery({
    queryKey: ['attendance', 'board', date],
    queryFn: () => api<AttendanceBoard>('GET', `/api/attendance/board?date=${date}`),
  });
}

export interface CallLogInput {
  step: CallStep | string;
  called: string;
  number: string;
  outcome: string;
  safeAndWell: boolean;
}

/** Logging a call or an escalation step, and closing the call; each refreshes the board. */
export function useFirstDayCall(callId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['attendance', 'board'] });
  return {
    log: useMutation({
      mutationFn: (values: CallLogInput) => api('POST', `/api/attendance/calls/${callId}/log`, values),
      onSuccess: refresh,
    }),
    close: useMutation({
      mutationFn: (values: { reasonFound?: string | undefined; note: string }) =>
        api('POST', `/api/attendance/calls/${callId}/close`, values),
      onSuccess: refresh,
    }),
  };
}

export function usePortalRegister(date: string) {
  return useQuery({
    queryKey: ['portal', 'register', date],
    queryFn: () => api<ProviderRegister>('GET', `/api/portal/register?date=${date}`),
  });
}

export interface RegisterMarkInput {
  placementId: string;
  mark: ProviderMark;
  reason?: AbsenceReason | undefined;
  correctionReason?: string | undefined;
}

/** Sending one session of the register; the day's register is read again after. */
export function useSendRegister(date: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { session: 'am' | 'pm'; marks: RegisterMarkInput[] }) =>
      api<{ recorded: number }>('POST', '/api/portal/register', { date, ...body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portal', 'register', date] }),
  });
}
