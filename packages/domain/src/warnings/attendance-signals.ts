/** Attendance falling: a drop from one half-term to the next, or unexplained absences piling up. */
import type { AttendanceRate } from '../attendance/codes.ts';
import { addDays, type IsoDate } from '../calendar/iso-date.ts';
import type { SchoolCalendar } from '../calendar/school-calendar.ts';
import { type EarlyWarning, type WarningSubject, warningKey } from './early-warnings.ts';
import type { WarningSettings } from './warning-settings.ts';

/** Attended and possible sessions, as `attendanceRateOfCounts` counts them the DfE's way. */
export type SessionCounts = Pick<AttendanceRate, 'attended' | 'possible'>;

const percent = (c: SessionCounts) => Math.round((c.attended / c.possible) * 1000) / 10;
const placementLink = (subject: WarningSubject) => `/placements/${subject.placementId}`;

/**
 * This half-term's rate at least `attendanceDropPoints` below the previous half-term's. Compared in
 * whole numbers (cross-multiplied) so that exactly 15 points is 15, not 14.999…; neither half-term is
 * judged on fewer possible sessions than the setting.
 */
export function attendanceDropWarning(
  subject: WarningSubject,
  { current, previous }: { current: SessionCounts; previous: SessionCounts },
  settings: Pick<WarningSettings, 'attendanceDropPoints' | 'attendanceMinimumSessions'>,
): EarlyWarning | null {
  const enough = settings.attendanceMinimumSessions;
  if (current.possible < enough || previous.possible < enough) return null;
  // (previous rate − current rate) × 100 ≥ points, with both rates as fractions of their possible sessions.
  const dropTimesBoth = 100 * (previous.attended * current.possible - current.attended * previous.possible);
  if (dropTimesBoth < settings.attendanceDropPoints * previous.possible * current.possible) return null;
  const drop = Math.round((percent(previous) - percent(current)) * 10) / 10;
  return {
    ...subject,
    key: warningKey('attendance_drop', subject),
    kind: 'attendance_drop',
    reason: `Attendance this half-term is ${percent(current)}%, down from ${percent(previous)}% last half-term: ${drop} percentage points lower.`,
    measure: Math.floor(drop),
    // Back on the board after an acknowledgement once it falls a further five points.
    step: 5,
    action: { label: 'Look at attendance and plan support', link: placementLink(subject) },
  };
}

/**
 * The last `n` school days up to and including `today`, newest first: weekends, holidays, INSET and
 * bank holidays are skipped, so a holiday inside the window does not shorten it.
 */
export function lastSchoolDays(calendar: Pick<SchoolCalendar, 'isSchoolDay'>, today: IsoDate, n: number) {
  const days: IsoDate[] = [];
  // A long summer holiday is about 45 days; a year back is more than enough to find n school days.
  for (let back = 0; days.length < n && back < 366; back++) {
    const date = addDays(today, -back);
    if (calendar.isSchoolDay(date)) days.push(date);
  }
  return days;
}

/** Codes of an absence nobody has explained: N (no reason yet) and O (unauthorised, other). */
export const UNEXPLAINED_CODES = ['N', 'O'] as const;

/** `unexplainedAbsences` or more sessions coded N or O within the last school days. */
export function unexplainedAbsencesWarning(
  subject: WarningSubject,
  {
    marks,
    schoolDays,
  }: { marks: readonly { date: IsoDate; code: string }[]; schoolDays: readonly IsoDate[] },
  settings: Pick<WarningSettings, 'unexplainedAbsences'>,
): EarlyWarning | null {
  const window = new Set(schoolDays);
  const count = marks.filter(
    (m) => window.has(m.date) && (UNEXPLAINED_CODES as readonly string[]).includes(m.code),
  ).length;
  if (count < settings.unexplainedAbsences) return null;
  return {
    ...subject,
    key: warningKey('unexplained_absences', subject),
    kind: 'unexplained_absences',
    reason: `${count} unexplained absences (sessions coded N or O) in the last ${schoolDays.length} school days.`,
    measure: count,
    step: 1,
    action: { label: 'Find out why and record the reasons', link: placementLink(subject) },
  };
}
