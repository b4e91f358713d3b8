/**
 * The attendance routes as the web calls them. Types come from the shared contracts
 * (`@waymark/domain/contracts/attendance`), the shapes the API validates and answers with.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AbsenceReason, CallStep, ProviderMark } from '@waymark/domain';
import type {
  ApiKey,
  AttendanceBoard,
  AttendanceRates,
  Closure,
  ClosureRequest,
  InterventionBody,
  IssuedApiKey,
  OpenInterventions,
  ProviderRegister,
  ProviderTrends,
  PupilAttendance,
  RegisterCsvPreview,
  RegisterDays,
} from '@waymark/domain/contracts/attendance';
import { api } from '../../api/client.ts';

export type {
  AttendanceBoard,
  AttendanceRate,
  FirstDayCallOnBoard,
  InterventionBody,
  OpenIntervention,
  ProviderRegister,
  ProviderTrends,
  PupilAttendance,
  RegisterDays,
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

/** The days either side of a register date that expect pupils, and why an empty day is empty. */
export function useRegisterDays(date: string) {
  return useQuery({
    queryKey: ['portal', 'register-days', date],
    queryFn: () => api<RegisterDays>('GET', `/api/portal/register/days?date=${date}`),
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

export function useAttendanceRates(from: string, to: string) {
  return useQuery({
    queryKey: ['attendance', 'rates', from, to],
    queryFn: () => api<AttendanceRates>('GET', `/api/attendance/rates?from=${from}&to=${to}&by=placement`),
  });
}

export function useProviderTrends(from: string, to: string) {
  return useQuery({
    queryKey: ['attendance', 'trends', from, to],
    queryFn: () => api<ProviderTrends>('GET', `/api/attendance/trends?from=${from}&to=${to}`),
  });
}

export function useOpenInterventions() {
  return useQuery({
    queryKey: ['attendance', 'interventions'],
    queryFn: () => api<OpenInterventions>('GET', '/api/attendance/interventions'),
  });
}

/** Planning or closing an intervention; the list is read again after. */
export function useUpdateIntervention(interventionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InterventionBody) =>
      api('PUT', `/api/attendance/interventions/${interventionId}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['attendance', 'interventions'] }),
  });
}

/** A pupil's marks and school days for a month (the read is on the audit log). */
export function usePupilAttendance(pupilId: string, from: string, to: string) {
  return useQuery({
    queryKey: ['attendance', 'pupil', pupilId, from],
    queryFn: () => api<PupilAttendance>('GET', `/api/attendance/pupils/${pupilId}?from=${from}&to=${to}`),
  });
}

/** The keys a provider's own register system sends attendance with; issuing one shows it once. */
export function useApiKeys(providerId: string) {
  const queryClient = useQueryClient();
  const key = ['providers', providerId, 'api-keys'];
  const keep = (result: { keys: ApiKey[] }) => queryClient.setQueryData(key, { keys: result.keys });
  return {
    keys: useQuery({
      queryKey: key,
      queryFn: () => api<{ keys: ApiKey[] }>('GET', `/api/providers/${providerId}/api-keys`),
    }),
    issue: useMutation({
      mutationFn: (name: string) =>
        api<IssuedApiKey>('POST', `/api/providers/${providerId}/api-keys`, { name }),
      onSuccess: keep,
    }),
    revoke: useMutation({
      mutationFn: (id: string) =>
        api<{ keys: ApiKey[] }>('POST', `/api/providers/${providerId}/api-keys/${id}/revoke`),
      onSuccess: keep,
    }),
  };
}

/** Provider portal: days the provider is closed, and recording one (the register follows). */
export function useClosures() {
  const queryClient = useQueryClient();
  return {
    closures: useQuery({
      queryKey: ['portal', 'closures'],
      queryFn: () => api<{ closures: Closure[] }>('GET', '/api/portal/closures'),
    }),
    record: useMutation({
      mutationFn: (closure: ClosureRequest) =>
        api<{ closures: Closure[] }>('POST', '/api/portal/closures', closure),
      onSuccess: (result) => {
        queryClient.setQueryData(['portal', 'closures'], result);
        queryClient.invalidateQueries({ queryKey: ['portal', 'register'] });
      },
    }),
  };
}

/** Provider portal: the provider's own register as CSV, checked row by row, then recorded all or nothing. */
export function useRegisterCsv() {
  const queryClient = useQueryClient();
  return {
    preview: useMutation({
      mutationFn: (content: string) =>
        api<RegisterCsvPreview>('POST', '/api/portal/register/csv/preview', { content }),
    }),
    upload: useMutation({
      mutationFn: (content: string) =>
        api<{ recorded: number }>('POST', '/api/portal/register/csv', { content }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portal', 'register'] }),
    }),
  };
}
