/**
 * Early warnings: trouble seen before it happens. Each signal is a pure rule over a placement's or a
 * provider's history (the *-signals files); this file gives them one shape, decides whether an
 * acknowledgement still holds, and orders them.
 */
import { toDayNumber } from '../calendar/iso-date.ts';
import type { WarningSettings } from './warning-settings.ts';

export const warningFamilies = {
  attendance_falling: 'Attendance falling',
  incidents_rising: 'Incidents rising',
  silence: 'Silence',
  drift: 'Drift',
  provider_risk: 'Provider risk',
} as const;
export type WarningFamily = keyof typeof warningFamilies;

export const warningKinds = {
  attendance_drop: { family: 'attendance_falling', label: 'Attendance falling' },
  unexplained_absences: { family: 'attendance_falling', label: 'Unexplained absences' },
  incidents_rising: { family: 'incidents_rising', label: 'Incidents rising' },
  no_contact: { family: 'silence', label: 'No contact with the provider' },
  no_progress_report: { family: 'silence', label: 'No progress report' },
  target_overdue: { family: 'drift', label: 'Reintegration target overdue' },
  direction_ending: { family: 'drift', label: 'Off-site direction near its maximum' },
  provider_lapses: { family: 'provider_risk', label: 'Provider items lapsed or late' },
} as const satisfies Record<string, { family: WarningFamily; label: string }>;
export type WarningKind = keyof typeof warningKinds;

/** Who or what a warning is about, and where. */
export interface WarningSubject {
  placementId: string | null;
  providerId: string;
  pupilName: string | null;
  providerName: string;
  schoolId: string | null;
  schoolName: string | null;
}

export interface EarlyWarning extends WarningSubject {
  /** Stable for the same signal on the same record, so an acknowledgement finds it again tomorrow. */
  key: string;
  kind: WarningKind;
  /** The reason in plain words, with the figures behind it. */
  reason: string;
  /** How bad it is, bigger is worse: percentage points, absences, incidents, half-terms… */
  measure: number;
  /** How much worse it must get to come back after an acknowledgement. */
  step: number;
  action: { label: string; link: string };
}

export interface WarningAcknowledgement {
  key: string;
  /** The warning's measure when it was acknowledged. */
  measure: number;
  acknowledgedOn: string;
  note: string;
  byName: string;
}

export function warningKey(kind: WarningKind, subject: Pick<WarningSubject, 'placementId' | 'providerId'>) {
  return `${kind}:${subject.placementId ?? subject.providerId}`;
}

/**
 * An acknowledgement keeps a warning quiet until it lapses (after the group's setting, so a long-lived
 * problem is looked at again) or the signal worsens by a step beyond what was acknowledged.
 */
export function acknowledgementHolds(
  warning: Pick<EarlyWarning, 'measure' | 'step'>,
  acknowledgement: Pick<WarningAcknowledgement, 'measure' | 'acknowledgedOn'> | undefined,
  today: string,
  settings: Pick<WarningSettings, 'acknowledgementDays'>,
): boolean {
  if (!acknowledgement) return false;
  const age = toDayNumber(today) - toDayNumber(acknowledgement.acknowledgedOn);
  if (age >= settings.acknowledgementDays) return false;
  return warning.measure < acknowledgement.measure + warning.step;
}

const familyOrder = Object.keys(warningFamilies) as WarningFamily[];

/** Splits warnings into those to show and those quietened, in a steady order: family, then worst first. */
export function arrangeWarnings(
  warnings: readonly EarlyWarning[],
  acknowledgements: readonly WarningAcknowledgement[],
  today: string,
  settings: Pick<WarningSettings, 'acknowledgementDays'>,
) {
  const latest = new Map<string, WarningAcknowledgement>();
  for (const a of acknowledgements) {
    const known = latest.get(a.key);
    if (!known || known.acknowledgedOn <= a.acknowledgedOn) latest.set(a.key, a);
  }
  const sorted = [...warnings].sort(
    (a, b) =>
      familyOrder.indexOf(warningKinds[a.kind].family) - familyOrder.indexOf(warningKinds[b.kind].family) ||
      b.measure - a.measure ||
      a.key.localeCompare(b.key),
  );
  const active: EarlyWarning[] = [];
  const acknowledged: (EarlyWarning & { acknowledgement: WarningAcknowledgement })[] = [];
  for (const warning of sorted) {
    const acknowledgement = latest.get(warning.key);
    if (acknowledgement && acknowledgementHolds(warning, acknowledgement, today, settings))
      acknowledged.push({ ...warning, acknowledgement });
    else active.push(warning);
  }
  return { active, acknowledged };
}
