/**
 * The thresholds behind the early warnings, and how early the board warns of a referral's unmet
 * checks. Each group may change them; these defaults are the ones school leaders asked for.
 */
import { z } from 'zod';
import { REFERRAL_CHECK_NOTICE_SCHOOL_DAYS } from '../obligations/placement-obligations.ts';

const whole = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label}: enter a whole number` })
    .int(`${label}: enter a whole number`)
    .min(min, `${label}: at least ${min}`)
    .max(max, `${label}: at most ${max}`);

export const warningSettingsSchema = z.strictObject({
  /** This half-term's attendance at least this many percentage points below the last half-term's. */
  attendanceDropPoints: whole('Fall in attendance', 1, 100),
  /** Neither half-term is compared until it has this many possible sessions (a day is two). */
  attendanceMinimumSessions: whole('Sessions before comparing', 1, 100),
  /** Unexplained absences (sessions coded N or O) ... */
  unexplainedAbsences: whole('Unexplained absences', 1, 40),
  /** ... within this many school days. */
  unexplainedWindowSchoolDays: whole('School days for unexplained absences', 1, 60),
  /** Behaviour and restraint incidents in this many weeks against the same number of weeks before. */
  incidentWindowWeeks: whole('Weeks compared for incidents', 1, 13),
  /** No contact logged with the provider about the pupil for this many days. */
  silenceDays: whole('Days without contact', 1, 120),
  /** Completed half-terms without a progress report from the provider. */
  progressReportHalfTerms: whole('Half-terms without a progress report', 1, 6),
  /** School days before a referral's planned start that its unmet checks show on the board. */
  referralNoticeSchoolDays: whole('School days before a referral starts', 1, 30),
  /** Days before an off-site direction reaches its agreed maximum. */
  directionNoticeDays: whole('Days before an off-site direction’s maximum', 1, 60),
  /** Lapsed or late provider items (insurance, letter, notices, QA) at once. */
  providerLapsedItems: whole('Provider items lapsed at once', 1, 4),
  /** An acknowledgement keeps a warning quiet for this many days, unless it worsens first. */
  acknowledgementDays: whole('Days an acknowledgement lasts', 1, 365),
});

export type WarningSettings = z.infer<typeof warningSettingsSchema>;

export const defaultWarningSettings: WarningSettings = {
  attendanceDropPoints: 15,
  attendanceMinimumSessions: 10,
  unexplainedAbsences: 3,
  unexplainedWindowSchoolDays: 10,
  incidentWindowWeeks: 4,
  silenceDays: 21,
  progressReportHalfTerms: 1,
  referralNoticeSchoolDays: REFERRAL_CHECK_NOTICE_SCHOOL_DAYS,
  directionNoticeDays: 14,
  providerLapsedItems: 2,
  acknowledgementDays: 42,
};

/** Stored settings over the defaults: a setting added later takes its default until someone changes it. */
export function warningSettingsFrom(stored: Partial<WarningSettings> | null | undefined): WarningSettings {
  return { ...defaultWarningSettings, ...(stored ?? {}) };
}
