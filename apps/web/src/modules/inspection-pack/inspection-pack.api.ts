/**
 * The inspection pack as the web calls it. Its shape is typed here by hand: the route answers without
 * a response schema yet (docs/architecture.md, "Shared contracts").
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface InspectionPack {
  school: { id: string; name: string };
  date: string;
  termFrom: string | null;
  yearFrom: string | null;
  pupils: {
    placementId: string;
    pupilName: string;
    upn: string;
    yearGroup: number;
    providerId: string;
    providerName: string;
    type: string;
    days: string[];
    hoursPerWeek: number;
    startsOn: string | null;
    registration: 'B' | 'D';
    ehcp: boolean;
    lookedAfter: boolean;
    reason: string;
    objectives: string[];
    link: string;
  }[];
  providers: {
    providerId: string;
    name: string;
    status: string;
    approvedOn: string | null;
    lastAudit: { on: string; outcome: string; link: string } | null;
    letterOn: string | null;
    letterOverdue: boolean;
    insuranceExpiresOn: string | null;
    insuranceOverdue: boolean;
    lastQaVisit: { on: string; overall: string | null; link: string } | null;
    qaOverdue: boolean;
    openActions: number;
    actionsOverdue: boolean;
    link: string;
  }[];
  placements: {
    placementId: string;
    pupilName: string;
    providerName: string;
    attendanceTerm: number | null;
    attendanceYear: number | null;
    lastReviewOn: string | null;
    nextReviewOn: string | null;
    reviewOverdue: boolean;
    openSafeguardingConcerns: number;
    lastPupilVoiceOn: string | null;
    link: string;
    attendanceLink: string;
  }[];
  overdue: { title: string; dueOn: string; link: string }[];
}

/** The pack for one school on one day: every pupil educated off-site then, and the oversight of each. */
export function useInspectionPack(schoolId: string | null, date: string) {
  return useQuery({
    queryKey: ['inspection-pack', schoolId, date],
    queryFn: () => api<InspectionPack>('GET', `/api/inspection-pack?school=${schoolId}&date=${date}`),
    enabled: Boolean(schoolId) && /^\d{4}-\d{2}-\d{2}$/.test(date),
    placeholderData: keepPreviousData,
  });
}
