/**
 * School census: AP placements arranged by the school (DOMAIN-REFERENCE.md). For each census, every
 * off-site placement active in the collection period, with exactly one of URN, UKPRN or AP setting
 * type, entry and leaving dates, the reason and the attendance pattern; checked before export with the
 * rules MIS help pages quote (2364, 2372, 2917) and the query raised when nothing is returned (4015Q).
 * The setting-type list and the reason code set are marked UNCONFIRMED in the reference: they are data.
 */
import { addDays, dateInWords, dayOfWeek } from '../calendar/iso-date.ts';
import { FULL_TIME_HOURS } from '../placements/placement-rules.ts';
import type { SettingType } from '../providers/provider.schemas.ts';

export const censusTerms = ['autumn', 'spring', 'summer'] as const;
export type CensusTerm = (typeof censusTerms)[number];
export const censusTermLabels: Record<CensusTerm, string> = {
  autumn: 'Autumn',
  spring: 'Spring',
  summer: 'Summer',
};

/** The nth Thursday of a month. */
function nthThursday(year: number, month: number, n: number): string {
  let date = `${year}-${String(month).padStart(2, '0')}-01`;
  while (dayOfWeek(date) !== 4) date = addDays(date, 1);
  return addDays(date, 7 * (n - 1));
}

/** Census day: first Thursday of October, third Thursday of January, third Thursday of May. */
export function censusDay(academicYear: string, term: CensusTerm): string {
  const first = Number(academicYear.slice(0, 4));
  if (term === 'autumn') return nthThursday(first, 10, 1);
  if (term === 'spring') return nthThursday(first + 1, 1, 3);
  return nthThursday(first + 1, 5, 3);
}

/** The collection period: from the day after the previous census day to this census day. */
export function collectionPeriod(academicYear: string, term: CensusTerm): { from: string; to: string } {
  const first = Number(academicYear.slice(0, 4));
  const previous =
    term === 'autumn'
      ? censusDay(`${first - 1}/${String(first).slice(2)}`, 'summer')
      : censusDay(academicYear, term === 'spring' ? 'autumn' : 'spring');
  return { from: addDays(previous, 1), to: censusDay(academicYear, term) };
}

export interface CensusKey {
  academicYear: string;
  term: CensusTerm;
}

/** The censuses in date order from the one whose collection period holds `date`. */
export function censusesFrom(date: string, count: number): CensusKey[] {
  const year = Number(date.slice(0, 4));
  const keys: CensusKey[] = [];
  // Start a year back: the autumn census of the academic year before can still be ahead in early October.
  for (let first = year - 1; keys.length < count; first += 1) {
    const academicYear = `${first}/${String(first + 1).slice(2)}`;
    for (const term of censusTerms)
      if (censusDay(academicYear, term) >= date && keys.length < count) keys.push({ academicYear, term });
  }
  return keys;
}

/**
 * The census a school should be working on: the first whose census day is today or later that it
 * has not already returned, skipping any returned early (a confirmation made on census day itself).
 */
export function nextCensusToReturn(today: string, returned: readonly CensusKey[]): CensusKey {
  const done = new Set(returned.map((r) => `${r.academicYear} ${r.term}`));
  return censusesFrom(today, 4).find((k) => !done.has(`${k.academicYear} ${k.term}`))!;
}

/** AP setting types the census takes when a provider has neither URN nor UKPRN. */
export const censusSettingTypes: Partial<Record<SettingType, { code: string; label: string }>> = {
  further_education: { code: 'NFE', label: 'Non-maintained further education' },
  one_to_one_tuition: { code: 'OOT', label: 'One-to-one tuition' },
  unregistered: { code: 'OTH', label: 'Other unregistered provider' },
  work_based: { code: 'WBP', label: 'Work-based placement' },
};

export interface CensusPlacement {
  placementId: string;
  pupilName: string;
  upn: string;
  providerName: string;
  providerUrn: string | null;
  providerUkprn: string | null;
  providerSettingType: SettingType | null;
  dualRegistered: boolean;
  isSchool: boolean;
  status: 'active' | 'ended';
  startsOn: string | null;
  endedOn: string | null;
  reason: string;
  hoursPerWeek: number;
  /** When the pupil left the school roll, if they have. */
  pupilLeftOn: string | null;
}

export interface CensusRecord {
  placementId: string;
  upn: string;
  pupilName: string;
  urn: string | null;
  ukprn: string | null;
  setting: string | null;
  entryDate: string;
  leavingDate: string | null;
  reason: string;
  attendancePattern: 'FT' | 'PT';
}

export interface CensusProblem {
  rule: string;
  placementId: string | null;
  message: string;
}

/** Placements the census counts: started on or before census day and not ended before the period. */
export function inCollection(p: CensusPlacement, period: { from: string; to: string }): boolean {
  return Boolean(p.startsOn && p.startsOn <= period.to && (!p.endedOn || p.endedOn >= period.from));
}

/**
 * Rule 2372: an off-roll pupil's placement must have a leaving date on or before the date they left.
 * Says how the placement continues when it does, else null.
 */
export function continuesAfterLeaving(
  p: Pick<CensusPlacement, 'pupilLeftOn' | 'status' | 'endedOn'>,
): string | null {
  if (!p.pupilLeftOn) return null;
  if (p.status === 'active') return 'is still open';
  if (p.endedOn && p.endedOn > p.pupilLeftOn) return `is recorded as ending on ${dateInWords(p.endedOn)}`;
  return null;
}

export function censusReturn(placements: readonly CensusPlacement[], period: { from: string; to: string }) {
  const records: CensusRecord[] = [];
  const problems: CensusProblem[] = [];
  for (const p of placements.filter((x) => inCollection(x, period))) {
    // Exactly one identifier: the URN where there is one, else the UKPRN, else the setting type.
    const urn = p.providerUrn || null;
    const ukprn = urn ? null : p.providerUkprn || null;
    const setting =
      urn || ukprn
        ? null
        : (p.providerSettingType && censusSettingTypes[p.providerSettingType]?.code) || null;
    if (!urn && !ukprn && !setting)
      problems.push({
        rule: '2364',
        placementId: p.placementId,
        message: `${p.pupilName} at ${p.providerName}: a URN, UKPRN or AP setting type is required. Record the provider's URN or UKPRN, or its kind of setting.`,
      });
    if (p.status === 'ended' && !p.endedOn)
      problems.push({
        rule: '2372',
        placementId: p.placementId,
        message: `${p.pupilName} at ${p.providerName}: the placement has ended but has no leaving date.`,
      });
    const offRollProblem = continuesAfterLeaving(p);
    if (offRollProblem)
      problems.push({
        rule: '2372',
        placementId: p.placementId,
        message: `${p.pupilName} at ${p.providerName}: the pupil left the roll on ${dateInWords(p.pupilLeftOn!)} but the placement ${offRollProblem}. Its leaving date must be on or before the day they left.`,
      });
    if (p.isSchool && p.status === 'active' && !p.dualRegistered)
      problems.push({
        rule: '2917',
        placementId: p.placementId,
        message: `${p.pupilName} at ${p.providerName}: an open placement at another school needs dual registration. Record the school's DfE number.`,
      });
    if (!p.reason.trim())
      problems.push({
        rule: 'reason',
        placementId: p.placementId,
        message: `${p.pupilName}: the reason for the placement is missing.`,
      });
    records.push({
      placementId: p.placementId,
      upn: p.upn,
      pupilName: p.pupilName,
      urn,
      ukprn,
      setting,
      entryDate: p.startsOn!,
      leavingDate: p.endedOn,
      reason: p.reason,
      // Full-time as Waymark counts it elsewhere (the registration test's 18 hours); the census's own
      // threshold is UNCONFIRMED in the reference.
      attendancePattern: p.hoursPerWeek >= FULL_TIME_HOURS ? 'FT' : 'PT',
    });
  }
  if (!records.length)
    problems.push({
      rule: '4015Q',
      placementId: null,
      message:
        'No AP placements are returned for this census. If the school arranged none in the period, confirm that.',
    });
  return { records, problems };
}

const xmlText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The records as an XML fragment in the shape a census return groups them: one element per placement
 * under its pupil's UPN. Element names follow the items' names; the exact COLLECT schema is not
 * published with the reference, so MIS import is via CSV where the tags differ.
 */
export function censusXml(records: readonly CensusRecord[]): string {
  const item = (name: string, value: string | null) =>
    value ? `      <${name}>${xmlText(value)}</${name}>\n` : '';
  return `<APPlacements>\n${records
    .map(
      (r) =>
        `  <Pupil UPN="${xmlText(r.upn)}">\n    <APPlacement>\n${item('URN', r.urn)}${item('UKPRN', r.ukprn)}${item('SettingType', r.setting)}${item('EntryDate', r.entryDate)}${item('LeavingDate', r.leavingDate)}${item('PrimaryReason', r.reason)}${item('AttendancePattern', r.attendancePattern)}    </APPlacement>\n  </Pupil>\n`,
    )
    .join('')}</APPlacements>\n`;
}
