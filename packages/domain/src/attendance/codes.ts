/**
 * From what the provider reports to the home school's register code (DOMAIN-REFERENCE.md, "Attendance
 * register"). At a provider that is not a school, a session the pupil attended is B; an absence takes
 * the code of its reason, and N while the reason is not known. Education the local authority arranged
 * is K where B would be. At another school the pupil is dual registered and the home school records D
 * whatever happened there.
 */
import type { Registration } from '../placements/placement-rules.ts';

export const providerMarks = ['present', 'late', 'absent'] as const;
export type ProviderMark = (typeof providerMarks)[number];

export const absenceReasons = [
  'unknown',
  'illness',
  'medical',
  'religious',
  'exceptional_leave',
  'holiday',
  'other_unauthorised',
] as const;
export type AbsenceReason = (typeof absenceReasons)[number];

export const absenceReasonLabels: Record<AbsenceReason, string> = {
  unknown: 'Not known yet',
  illness: 'Illness',
  medical: 'Medical or dental appointment',
  religious: 'Religious observance',
  exceptional_leave: 'Leave agreed by the school',
  holiday: 'Holiday not agreed',
  other_unauthorised: 'Other reason, not authorised',
};

const reasonCodes: Record<AbsenceReason, string> = {
  unknown: 'N',
  illness: 'I',
  medical: 'M',
  religious: 'R',
  exceptional_leave: 'C',
  holiday: 'G',
  other_unauthorised: 'O',
};

export function homeSchoolCode(
  registration: Registration['kind'],
  mark: ProviderMark,
  reason: AbsenceReason | null,
): string {
  if (registration === 'dual') return 'D';
  if (mark === 'present' || mark === 'late') return registration === 'local_authority' ? 'K' : 'B';
  return reasonCodes[reason ?? 'unknown'];
}

/** What a code counts as, for rates (the DfE's categories). */
export type CodeMeaning = 'present' | 'approved_off_site' | 'authorised' | 'unauthorised' | 'not_possible';

const meanings: Record<string, CodeMeaning> = {
  '/': 'present',
  '\\': 'present',
  L: 'present',
  K: 'approved_off_site',
  V: 'approved_off_site',
  P: 'approved_off_site',
  W: 'approved_off_site',
  B: 'approved_off_site',
  D: 'not_possible',
  C1: 'authorised',
  M: 'authorised',
  J1: 'authorised',
  S: 'authorised',
  C2: 'authorised',
  C: 'authorised',
  T: 'authorised',
  R: 'authorised',
  I: 'authorised',
  E: 'authorised',
  Q: 'not_possible',
  Y1: 'not_possible',
  Y2: 'not_possible',
  Y3: 'not_possible',
  Y4: 'not_possible',
  Y5: 'not_possible',
  Y6: 'not_possible',
  Y7: 'not_possible',
  X: 'not_possible',
  G: 'unauthorised',
  N: 'unauthorised',
  O: 'unauthorised',
  U: 'unauthorised',
  Z: 'not_possible',
  '#': 'not_possible',
};

export function codeMeaning(code: string): CodeMeaning | null {
  return meanings[code] ?? null;
}

export interface AttendanceRate {
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  /** Attended ÷ possible, as a percentage to one decimal place; null with no possible sessions. */
  attendancePercent: number | null;
  absencePercent: number | null;
  persistentAbsence: boolean;
  severeAbsence: boolean;
}

/**
 * The DfE's measure: possible sessions exclude "not possible" codes; absence is authorised plus
 * unauthorised over possible; persistent absence is 10% or more of possible sessions missed, severe 50%.
 */
export function attendanceRate(codes: readonly string[]): AttendanceRate {
  return attendanceRateOfCounts(codes.map((code) => ({ code, count: 1 })));
}

/** The same measure from codes already counted (the database counts a year of marks far faster). */
export function attendanceRateOfCounts(counts: readonly { code: string; count: number }[]): AttendanceRate {
  let possible = 0;
  let attended = 0;
  let authorised = 0;
  let unauthorised = 0;
  for (const { code, count } of counts) {
    const meaning = codeMeaning(code);
    if (!meaning || meaning === 'not_possible') continue;
    possible += count;
    if (meaning === 'present' || meaning === 'approved_off_site') attended += count;
    else if (meaning === 'authorised') authorised += count;
    else unauthorised += count;
  }
  const percent = (n: number) => (possible ? Math.round((n / possible) * 1000) / 10 : null);
  const absence = authorised + unauthorised;
  return {
    possible,
    attended,
    authorised,
    unauthorised,
    attendancePercent: percent(attended),
    absencePercent: percent(absence),
    persistentAbsence: possible > 0 && absence / possible >= 0.1,
    severeAbsence: possible > 0 && absence / possible >= 0.5,
  };
}

/** A placement's attendance target unless the plan sets another (the policy's expectation of AP). */
export const DEFAULT_ATTENDANCE_TARGET_PERCENT = 90;

/**
 * Below the placement's target: an intervention is opened. The rate is compared as shown, to one
 * decimal place, so 89.96% shows and counts as 90% (on target) and 89.9% is below it.
 */
export function isBelowAttendanceTarget(
  rate: Pick<AttendanceRate, 'attendancePercent'>,
  targetPercent: number | null,
): boolean {
  return targetPercent !== null && rate.attendancePercent !== null && rate.attendancePercent < targetPercent;
}
