/**
 * What the school day asks (policy §9, §10, DOMAIN-REFERENCE.md): a first-day call on the day of an
 * unexplained absence, the N code resolved within five school days, attendance interventions reviewed
 * on their date, and concerns triaged and acted on.
 */
import { dateInWords } from '../calendar/iso-date.ts';
import type { SchoolCalendar } from '../calendar/school-calendar.ts';
import type { IncidentStatus } from '../incidents/incidents.ts';
import type { Obligation, ObligationPlace } from './obligations.ts';

/** An N code must be replaced by the right code within this many school days. */
export const N_CODE_RESOLVE_SCHOOL_DAYS = 5;

export interface OpenCall extends ObligationPlace {
  pupilName: string;
  /** The day of the unexplained absence. */
  date: string;
  status: 'open' | 'closed';
}

/** The call is made on the day of the absence. */
export function firstDayCallObligations(call: OpenCall): Obligation[] {
  if (call.status !== 'open') return [];
  return [
    {
      kind: 'first_day_call',
      title: `Call about ${call.pupilName}'s absence on ${dateInWords(call.date)}`,
      dueOn: call.date,
      link: '/attendance',
      schoolId: call.schoolId,
      schoolName: call.schoolName,
    },
  ];
}

/** The N is resolved within five school days; without term dates that far the call alone shows. */
export function unresolvedNObligations(
  call: OpenCall,
  calendar: Pick<SchoolCalendar, 'addSchoolDays'>,
): Obligation[] {
  if (call.status !== 'open') return [];
  let resolveBy: string;
  try {
    resolveBy = calendar.addSchoolDays(call.date, N_CODE_RESOLVE_SCHOOL_DAYS);
  } catch {
    return [];
  }
  return [
    {
      kind: 'unresolved_n',
      title: `Resolve the N for ${call.pupilName} on ${dateInWords(call.date)}`,
      dueOn: resolveBy,
      link: '/attendance',
      schoolId: call.schoolId,
      schoolName: call.schoolName,
    },
  ];
}

/** An open intervention: planned at once when it has no action yet, then reviewed on its date. */
export function interventionObligations(
  intervention: ObligationPlace & {
    pupilName: string;
    providerName: string;
    openedOn: string;
    action: string | null;
    reviewOn: string | null;
    attendancePercentAtOpening: number;
    targetPercent: number;
  },
): Obligation[] {
  const i = intervention;
  return [
    {
      kind: 'intervention',
      title: i.action
        ? `Review the attendance plan for ${i.pupilName} at ${i.providerName}`
        : `Plan the attendance intervention for ${i.pupilName} (${i.attendancePercentAtOpening}% against ${i.targetPercent}%)`,
      dueOn: i.reviewOn ?? i.openedOn,
      link: '/attendance',
      schoolId: i.schoolId,
      schoolName: i.schoolName,
    },
  ];
}

export interface IncidentOnBoard extends ObligationPlace {
  id: string;
  pupilName: string;
  status: IncidentStatus;
  /** The London date it was reported. */
  reportedOn: string;
}

/** A report not yet triaged is due the day it came in. */
export function incidentTriageObligations(incident: IncidentOnBoard): Obligation[] {
  if (incident.status !== 'reported') return [];
  return [
    {
      kind: 'incident_triage',
      title: `Triage the report about ${incident.pupilName}`,
      dueOn: incident.reportedOn,
      link: `/incidents/${incident.id}`,
      schoolId: incident.schoolId,
      schoolName: incident.schoolName,
    },
  ];
}

/** An action agreed on an open concern, due on its date until done. */
export function incidentActionObligations(
  incident: IncidentOnBoard,
  action: { action: string; owner: string; dueOn: string; doneOn: string | null },
): Obligation[] {
  if (action.doneOn || incident.status === 'closed') return [];
  return [
    {
      kind: 'incident_action',
      title: `${action.action} (${action.owner})`,
      dueOn: action.dueOn,
      link: `/incidents/${incident.id}`,
      schoolId: incident.schoolId,
      schoolName: incident.schoolName,
    },
  ];
}
