/** The staff training routes as the web calls them, typed by the shared contract. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Effectiveness, StaffMember } from '@waymark/domain/contracts/training';
import { api } from '../../api/client.ts';

export type { Effectiveness };
export type Staff = StaffMember;

const staffKey = ['training', 'staff'];

export function useTrainingStaff() {
  return useQuery({
    queryKey: staffKey,
    queryFn: () => api<{ staff: Staff[] }>('GET', '/api/training/staff'),
  });
}

/** For each trained member of staff, how the pupils they support are doing. */
export function useTrainingEffectiveness() {
  return useQuery({
    queryKey: ['training', 'effectiveness'],
    queryFn: () => api<{ staff: Effectiveness[] }>('GET', '/api/training/effectiveness'),
  });
}

export function useAddStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (person: { schoolId: string; name: string; role: string }) =>
      api('POST', '/api/training/staff', { ...person, placementIds: [] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKey }),
  });
}

/** A course completed, the yearly needs review, and the placements a person supports; each refreshes the page. */
export function useStaffTraining(staffId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['training'] });
  return {
    record: useMutation({
      mutationFn: (course: {
        course: string;
        trainingProvider: string;
        completedOn: string;
        topics: string[];
        expiresOn: string;
      }) =>
        api('POST', `/api/training/staff/${staffId}/records`, {
          ...course,
          expiresOn: course.expiresOn || null,
        }),
      onSuccess: refresh,
    }),
    review: useMutation({
      mutationFn: (review: { reviewedOn: string; needs: string; plan: string }) =>
        api('POST', `/api/training/staff/${staffId}/reviews`, review),
      onSuccess: refresh,
    }),
    supports: useMutation({
      mutationFn: (placementIds: string[]) =>
        api('PUT', `/api/training/staff/${staffId}/supports`, { placementIds }),
      onSuccess: refresh,
    }),
  };
}
