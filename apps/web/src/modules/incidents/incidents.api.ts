import type { IncidentKind, IncidentStatus, ReferralAgency, TriageLevel } from '@waymark/domain';

export interface IncidentSummary {
  id: string;
  /** Null when you may not read safeguarding detail: you see only that a concern exists. */
  kind: IncidentKind | null;
  kindLabel: string;
  safeguarding: boolean;
  restricted: boolean;
  status: IncidentStatus;
  placementId: string;
  pupilId: string;
  pupilName: string;
  providerName: string;
  occurredAt: string;
  reportedAt: string;
  schoolToldAt: string;
  toldSameDay: boolean;
  reportedByName: string;
}

export interface IncidentDetail extends IncidentSummary {
  canManage: boolean;
  detail: {
    location: string;
    peopleInvolved: string;
    whatHappened: string;
    immediateActions: string;
    postIncidentSupport: string | null;
    debrief: string | null;
    source: 'portal' | 'school';
    triage: { level: TriageLevel; rationale: string; byName: string; at: string } | null;
    outcome: string | null;
    closedByName: string | null;
    closedAt: string | null;
    actions: {
      id: string;
      action: string;
      owner: string;
      dueOn: string;
      doneOn: string | null;
      doneByName: string | null;
    }[];
    referrals: {
      id: string;
      agency: ReferralAgency;
      referredOn: string;
      reference: string;
      details: string;
      recordedByName: string;
    }[];
    attachments: {
      id: string;
      filename: string;
      description: string;
      uploadedByName: string;
      uploadedAt: string;
    }[];
  } | null;
}

export interface PortalIncident {
  id: string;
  kind: IncidentKind;
  kindLabel: string;
  pupilName: string;
  occurredAt: string;
  reportedAt: string;
  reportedByName: string;
  status: IncidentStatus;
}

export const incidentKey = (id: string) => ['incidents', id] as const;

/** A date and time as people in a school read it: "Mon 12 Jan 2026, 09:10". */
export function londonDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
