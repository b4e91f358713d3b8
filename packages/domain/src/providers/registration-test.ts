/**
 * The registration test (Appendix 1, Registration Status; s463 Education Act 1996): a provider giving
 * full-time education (18 hours or more a week) to 5 or more pupils of compulsory school age, or to 1
 * such pupil who is looked after or has an EHCP, must be registered as an independent school.
 * Until placements are recorded in Waymark, the counts are the ones the auditor enters.
 */
import { type SettingType, schoolSettingTypes } from './provider.schemas.ts';

export const FULL_TIME_HOURS_PER_WEEK = 18;

export interface RegistrationCounts {
  /** Pupils of compulsory school age receiving 18 hours or more a week there (across all schools). */
  fullTimePupils: number;
  /** Of those, pupils who are looked after or have an EHCP. */
  fullTimePupilsLookedAfterOrEhcp: number;
}

export interface RegistrationFinding {
  mustRegister: boolean;
  /** A provider that must register but is not recorded as registered: placements must not go ahead. */
  alarm: boolean;
  reason: string;
}

export function isRegisteredSetting(settingType: SettingType | null, dfeNumber: string | null): boolean {
  return (settingType !== null && schoolSettingTypes.includes(settingType)) || Boolean(dfeNumber);
}

export function applyRegistrationTest(counts: RegistrationCounts, registered: boolean): RegistrationFinding {
  const { fullTimePupils, fullTimePupilsLookedAfterOrEhcp } = counts;
  let reason: string;
  let mustRegister = true;
  if (fullTimePupilsLookedAfterOrEhcp >= 1) {
    reason = `${fullTimePupilsLookedAfterOrEhcp} full-time ${fullTimePupilsLookedAfterOrEhcp === 1 ? 'pupil is' : 'pupils are'} looked after or ${fullTimePupilsLookedAfterOrEhcp === 1 ? 'has' : 'have'} an EHCP`;
  } else if (fullTimePupils >= 5) {
    reason = `${fullTimePupils} pupils of compulsory school age attend full time (${FULL_TIME_HOURS_PER_WEEK}+ hours a week)`;
  } else {
    mustRegister = false;
    reason = `${fullTimePupils} full-time ${fullTimePupils === 1 ? 'pupil' : 'pupils'}, none looked after or with an EHCP: below the threshold`;
  }
  const alarm = mustRegister && !registered;
  return {
    mustRegister,
    alarm,
    reason: alarm
      ? `Must be registered as an independent school but is not recorded as registered: ${reason}`
      : reason,
  };
}
