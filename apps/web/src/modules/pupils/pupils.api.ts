import { useQuery } from '@tanstack/react-query';
import type { LeavingReason, SenStatus } from '@waymark/domain';
import { api, query } from '../../api/client.ts';

export interface Pupil {
  id: string;
  schoolId: string;
  schoolName: string;
  upn: string;
  uln: string | null;
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
  displayName: string;
  dateOfBirth: string;
  yearGroup: number;
  sex: 'F' | 'M';
  senStatus: SenStatus;
  ehcpLocalAuthority: string | null;
  ehcpAnnualReviewOn: string | null;
  lookedAfter: boolean;
  virtualSchoolContact: string | null;
  parents: {
    name: string;
    relationship: string;
    telephone?: string;
    email?: string;
    parentalResponsibility: boolean;
  }[];
  leaving: { leftOn: string; reason: LeavingReason; note: string } | null;
  version: number;
}

export function usePupils(filters: { search?: string; schoolId?: string | null }) {
  return useQuery({
    queryKey: ['pupils', filters],
    queryFn: () => api<{ pupils: Pupil[] }>('GET', `/api/pupils${query(filters)}`),
    placeholderData: (previous) => previous,
  });
}

export function usePupil(pupilId: string) {
  return useQuery({
    queryKey: ['pupils', pupilId],
    queryFn: () => api<Pupil>('GET', `/api/pupils/${pupilId}`),
  });
}
