import { useQuery } from '@tanstack/react-query';
import {
  type DestinationOutcome,
  type DirectionReviewOutcome,
  type DirectionReviewRequester,
  type MonthActivity,
  type PlacementStatus,
  type PlacementType,
  type ProviderStatus,
  placementStatusLabels,
  type Registration,
  type SenStatus,
  type TimetableSession,
  type Weekday,
} from '@waymark/domain';
import { api, query } from '../../api/client.ts';

export interface PlacementSummary {
  id: string;
  status: PlacementStatus;
  type: PlacementType;
  startsOn: string | null;
  plannedEndOn: string | null;
  endedOn: string | null;
  schoolName: string;
  providerId: string;
  providerName: string;
  pupilId: string;
  pupilName: string;
  yearGroup: number;
}

export interface Objective {
  id: string;
  text: string;
  timeline: string;
  successCriteria: string;
}
export interface Target {
  id: string;
  text: string;
  timeline: string;
  targetDate?: string;
  post16Link?: string;
}
export interface Review {
  id: string;
  halfTerm: string;
  dueOn: string;
  state: 'done' | 'overdue' | 'due';
  completedOn: string | null;
  progress: { targetId: string; progress: string; evidence: string }[];
  attendancePercent: number | null;
  behaviour: string | null;
  pupilView: string | null;
  parentView: string | null;
  decision: 'continue' | 'adjust_plan' | 'end' | null;
  materialChange: boolean | null;
  ehcpReviewRequired: boolean;
  ehcpReviewArrangedOn: string | null;
}

export interface Placement {
  id: string;
  status: PlacementStatus;
  type: PlacementType;
  reason: string;
  school: { id: string; name: string };
  pupil: {
    id: string;
    displayName: string;
    upn: string;
    yearGroup: number;
    senStatus: SenStatus;
    lookedAfter: boolean;
  };
  provider: { id: string; name: string; status: ProviderStatus; registrationAlarm: boolean };
  registration: Registration;
  referralSentAt: string | null;
  reducedTimetable: {
    sessions: { day: Weekday; session: 'am' | 'pm' }[];
    agreedWithParentsOn: string;
    reason: string;
    endsOn: string | null;
    reviewOn: string | null;
  } | null;
  startsOn: string | null;
  plannedEndOn: string | null;
  agreement: {
    discussedOn: string;
    withWhom: string;
    how: string;
    pupilView: string;
    agreed: boolean;
    voluntaryConsent: boolean;
  } | null;
  objectives: Objective[];
  reintegrationTargets: Target[];
  induction: string;
  sessions: TimetableSession[];
  hoursPerWeek: number;
  ehcpReviewOnMove: { required: boolean; arrangedOn: string | null };
  termChanges: {
    id: string;
    effectiveFrom: string;
    reason: string;
    changedBy: string;
    changedAt: string;
    hoursBefore: number;
    hoursAfter: number;
    daysBefore: number;
    daysAfter: number;
    ehcpReviewRequired: boolean;
    ehcpReviewArrangedOn: string | null;
  }[];
  costPence: number | null;
  costPer: 'session' | 'day' | 'week' | null;
  funding: string;
  maximumDays: number | null;
  attendanceTargetPercent: number;
  noticeGivenOn: string | null;
  laInformedOn: string | null;
  laInformedHow: string | null;
  endedOn: string | null;
  endReason: string | null;
  outcome: 'returned_to_school' | 'moved_provider' | 'post_16' | 'other' | null;
  blockers: { path: string; message: string }[];
  reviews: Review[];
  destination: {
    destinationYearStarts: number;
    months: Record<string, MonthActivity>;
    outcome: DestinationOutcome | null;
    description: string;
  } | null;
  shared: {
    id: string;
    what: string;
    method: string;
    sharedOn: string;
    sharedByName: string;
    document: { id: string; title: string; version: number } | null;
  }[];
  communications: {
    id: string;
    kind: 'call' | 'email' | 'meeting' | 'visit' | 'letter';
    occurredOn: string;
    withWhom: string;
    summary: string;
    followUp: string;
    recordedByName: string;
  }[];
  directionReviews: {
    requests: {
      id: string;
      requestedOn: string;
      requestedBy: DirectionReviewRequester;
      note: string;
      recordedByName: string;
      state: 'not_required' | 'to_hold' | 'held';
      lastHeldOn: string | null;
    }[];
    held: {
      id: string;
      heldOn: string;
      outcome: DirectionReviewOutcome;
      note: string;
      recordedByName: string;
    }[];
  };
  timeline: { at: string; by: string; what: string }[];
  version: number;
}

export const statusLabels = placementStatusLabels;
export const statusTones = {
  referral: 'warning',
  active: 'positive',
  ended: 'neutral',
  cancelled: 'neutral',
} as const;

export const outcomeLabels = {
  returned_to_school: 'Returned to school',
  moved_provider: 'Moved to another provider',
  post_16: 'Transition to post-16',
  other: 'Other',
} as const;

export function usePlacements(filters: { status?: string | null; pupilId?: string }) {
  return useQuery({
    queryKey: ['placements', filters],
    queryFn: () => api<{ placements: PlacementSummary[] }>('GET', `/api/placements${query(filters)}`),
  });
}

export const placementKey = (id: string) => ['placements', id];

export function usePlacement(placementId: string) {
  return useQuery({
    queryKey: placementKey(placementId),
    queryFn: () => api<Placement>('GET', `/api/placements/${placementId}`),
  });
}
