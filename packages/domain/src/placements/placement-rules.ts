/**
 * The rules a placement must meet before it starts (policy §7, §11, §12; DfE "Arranging alternative
 * provision", February 2025; s29A Education Act 2002 for off-site direction). Pure: the caller
 * gathers the facts, these functions say what is missing, in words an AP lead can act on.
 */

import { dateInWords } from '../calendar/iso-date.ts';
import type { SchoolCalendar } from '../calendar/school-calendar.ts';
import type { FieldError } from '../errors/error-body.ts';

export const placementTypes = [
  'commissioned_ap',
  'off_site_direction',
  'managed_move',
  'suspension_cover',
  'local_authority',
] as const;
export type PlacementType = (typeof placementTypes)[number];
export const placementTypeLabels: Record<PlacementType, string> = {
  commissioned_ap: 'Commissioned alternative provision',
  off_site_direction: 'Off-site direction (s29A)',
  managed_move: 'Managed move',
  suspension_cover: 'Education during a suspension (from day 6)',
  local_authority: 'Education arranged by the local authority (pupil still on roll)',
};

export const placementStatuses = ['referral', 'active', 'ended', 'cancelled'] as const;
export type PlacementStatus = (typeof placementStatuses)[number];

export const placementStatusLabels: Record<PlacementStatus, string> = {
  referral: 'Referral',
  active: 'Active',
  ended: 'Ended',
  cancelled: 'Cancelled',
};

/** How a placement ended, for governors and the DfE's destinations. */
export const placementOutcomes = ['returned_to_school', 'moved_provider', 'post_16', 'other'] as const;
export type PlacementOutcome = (typeof placementOutcomes)[number];

export const placementOutcomeLabels: Record<PlacementOutcome, string> = {
  returned_to_school: 'Returned to school',
  moved_provider: 'Moved to another provider',
  post_16: 'Transition to post-16',
  other: 'Other',
};

/** What a half-termly review decided. */
export const reviewDecisions = ['continue', 'adjust_plan', 'end'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const reviewDecisionLabels: Record<ReviewDecision, string> = {
  continue: 'Continue',
  adjust_plan: 'Adjust the plan',
  end: 'End the placement',
};

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdayLabels: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
};

export interface TimetableSession {
  day: Weekday;
  session: 'am' | 'pm';
  hours: number;
  /** London time, "09:00": what the parents' notice of an off-site direction must state. */
  startsAt?: string | undefined;
  endsAt?: string | undefined;
}

/** More than 18 hours a week in the day is treated as full-time for the registration test. */
export const FULL_TIME_HOURS = 18;

export function hoursPerWeek(sessions: readonly TimetableSession[]): number {
  return Math.round(sessions.reduce((sum, s) => sum + s.hours, 0) * 100) / 100;
}

/** How the pupil's sessions away appear on the home school's register. */
export type Registration =
  | { kind: 'dual'; code: 'D' }
  | { kind: 'sole'; code: 'B' }
  | { kind: 'local_authority'; code: 'K' };

export const registrationLabels: Record<Registration['kind'], string> = {
  dual: 'Dual registration (code D)',
  sole: 'Stays on the school roll; sessions coded B',
  local_authority: 'Stays on the school roll; the local authority arranged it, sessions coded K',
};

/** The register code for each kind, as the inspection pack's spreadsheet names it. */
export const registrationCodeLabels: Record<Registration['code'], string> = {
  D: 'Dual (D)',
  B: 'Sole (B)',
  K: 'LA-arranged (K)',
};

/**
 * How the pupil appears on the home school's register while away: dual registration (code D) when
 * the provider is itself a registered school or PRU; otherwise the pupil stays solely on the home
 * school's roll and attended sessions are B (school-arranged, educated off-site) or, where the local
 * authority arranged the education (after a permanent exclusion, on medical grounds), K. K is the
 * local authority's to return, so such placements are not in the school census AP module.
 */
export function registrationFor(providerIsRegisteredSchool: boolean, type?: PlacementType): Registration {
  if (providerIsRegisteredSchool) return { kind: 'dual', code: 'D' };
  if (type === 'local_authority') return { kind: 'local_authority', code: 'K' };
  return { kind: 'sole', code: 'B' };
}

/** Off-site direction: two clear school days between the day notice is given and the first day. */
export const OFF_SITE_NOTICE_SCHOOL_DAYS = 2;

export function earliestOffSiteStart(calendar: SchoolCalendar, noticeGivenOn: string): string {
  return calendar.addSchoolDays(noticeGivenOn, OFF_SITE_NOTICE_SCHOOL_DAYS + 1);
}

export interface PlacementFacts {
  type: PlacementType;
  providerApproved: boolean;
  providerStatusLabel: string;
  /** The provider must be registered as an independent school but is not (the registration test). */
  registrationAlarm?: boolean;
  /**
   * The registration test as it would stand with this placement running (Appendices 1 and 4): a start
   * that would make the provider need registration it does not have is refused before it happens.
   */
  registrationIfStarted?: { alarm: boolean; reason: string } | null;
  startsOn: string | null;
  plannedEndOn: string | null;
  sessions: readonly TimetableSession[];
  objectives: number;
  reintegrationTargets: number;
  /** Year 9 and above: each reintegration target must say how it links to the post-16 plan. */
  targetsMissingPost16Link: number;
  agreementRecorded: boolean;
  managedMoveConsent: boolean;
  /** An AP lead sent the referral to the provider (until then the provider sees nothing of the pupil). */
  referralSent: boolean;
  offSiteDirection: { maximumDays: number | null; noticeGivenOn: string | null } | null;
}

/** Why a start or a timetable change is refused when it would trip the registration test. */
export function registrationRefusal(reason: string): string {
  return `With this placement the provider would have to be registered as an independent school, and it is not (${reason}): keep the timetable under ${FULL_TIME_HOURS} hours a week or choose a registered provider`;
}

/** Everything that stops the placement starting, each with the field to fix. Empty: it may start. */
export function startBlockers(facts: PlacementFacts, calendar: SchoolCalendar | null): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (facts.registrationAlarm)
    add(
      'providerId',
      'The provider must be registered as an independent school but is not: no placement can start there',
    );
  else if (facts.registrationIfStarted?.alarm)
    add('sessions', registrationRefusal(facts.registrationIfStarted.reason));
  if (!facts.registrationAlarm && !facts.providerApproved)
    add(
      'providerId',
      `The provider is not approved (${facts.providerStatusLabel}): a placement can start only with an approved provider`,
    );
  // Sending needs an approved provider: until it is approved, that is the step to take.
  if (!facts.registrationAlarm && facts.providerApproved && !facts.referralSent)
    add('referralSent', 'Send the referral to the provider: until you do, they know nothing of the pupil');
  if (!facts.startsOn) add('startsOn', 'Enter the start date');
  if (!facts.plannedEndOn) add('plannedEndOn', 'Enter the planned end date');
  if (facts.startsOn && facts.plannedEndOn && facts.startsOn > facts.plannedEndOn)
    add('plannedEndOn', 'The planned end is before the start');
  if (facts.sessions.length === 0)
    add('sessions', 'Choose at least one session at the provider in the timetable');
  if (facts.objectives === 0)
    add('objectives', 'Write at least one objective in the personalised learning plan');
  if (facts.reintegrationTargets === 0)
    add(
      'reintegrationTargets',
      'Agree at least one reintegration target before the placement starts (policy §12)',
    );
  if (facts.targetsMissingPost16Link > 0)
    add(
      'reintegrationTargets',
      `${facts.targetsMissingPost16Link} reintegration target${facts.targetsMissingPost16Link === 1 ? ' does not say how it links' : 's do not say how they link'} to the pupil’s post-16 plan (Year 9 and above)`,
    );
  if (!facts.agreementRecorded)
    add('agreement', 'Record the discussion with the pupil and parents and their agreement');
  if (facts.type === 'managed_move' && !facts.managedMoveConsent)
    add('agreement.voluntaryConsent', 'A managed move needs the parents’ voluntary consent, recorded');
  if (facts.type === 'off_site_direction') {
    const direction = facts.offSiteDirection;
    if (!direction?.maximumDays)
      add('offSiteDirection.maximumDays', 'Agree the maximum period of the direction');
    if (!direction?.noticeGivenOn)
      add('offSiteDirection.noticeGivenOn', 'Send the written notice to the parents first');
    else if (facts.startsOn && calendar) {
      const earliest = earliestOffSiteStart(calendar, direction.noticeGivenOn);
      if (facts.startsOn < earliest)
        add(
          'startsOn',
          `The notice went on ${dateInWords(direction.noticeGivenOn)}: an off-site direction can start on ${dateInWords(earliest)} at the earliest (two clear school days)`,
        );
    }
  }
  return problems;
}

/** How contact with a provider or about a placement happened (the AP lead's record, policy §13). */
export const communicationKinds = ['call', 'email', 'meeting', 'visit', 'letter'] as const;
export type CommunicationKind = (typeof communicationKinds)[number];

export const communicationKindLabels: Record<CommunicationKind, string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  visit: 'Visit',
  letter: 'Letter',
};
