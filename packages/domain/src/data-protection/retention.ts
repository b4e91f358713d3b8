/**
 * How long each kind of record is kept (DOMAIN-REFERENCE.md, from the IRMS schools toolkit; schools
 * confirm locally, so each period is a default an administrator can change). A record past its date
 * is reported, reviewed by a person and only then deleted, with the review in the audit log.
 */
import { z } from 'zod';
import { addDays } from '../calendar/iso-date.ts';
import type { IncidentKind } from '../incidents/incidents.ts';

export const retentionKinds = {
  pupil_record: {
    label: 'Pupil record: the pupil, their placements, plans, reviews, documents and everything with them',
    from: 'date_of_birth',
    years: 25,
    confirmed: true,
  },
  attendance_register: {
    label: 'Attendance register entries',
    from: 'entry_date',
    years: 6,
    confirmed: true,
  },
  send_ehcp: { label: 'SEN and EHCP documents', from: 'date_of_birth', years: 31, confirmed: false },
  child_protection: {
    label: 'Child protection records (kept with the pupil file; subject to any inquiry hold)',
    from: 'date_of_birth',
    years: 25,
    confirmed: false,
  },
  accident_records: { label: 'Accident records', from: 'date_of_birth', years: 25, confirmed: false },
} as const satisfies Record<
  string,
  { label: string; from: 'date_of_birth' | 'entry_date'; years: number; confirmed: boolean }
>;

export type RetentionKind = keyof typeof retentionKinds;

/** The schedule in force: the defaults with a group's own periods where it set them. */
export function retentionSchedule(overrides: Partial<Record<RetentionKind, number>> = {}) {
  return (Object.keys(retentionKinds) as RetentionKind[]).map((kind) => ({
    kind,
    ...retentionKinds[kind],
    years: overrides[kind] ?? retentionKinds[kind].years,
    changedLocally: overrides[kind] !== undefined,
  }));
}

/** The last day a record is kept: the start date plus the whole number of years. */
export function keepUntil(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const anniversary = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February in a year without one falls to 1 March; the record is kept to the day before.
  return addDays(anniversary.toISOString().slice(0, 10), -1);
}

export const isPastRetention = (start: string, years: number, today: string) =>
  keepUntil(start, years) < today;

/** Which period a concern or incident is kept for: child protection, accidents, or the pupil file's. */
export function incidentRetentionKind(kind: IncidentKind): RetentionKind {
  if (kind === 'health_and_safety' || kind === 'accident_injury') return 'accident_records';
  if (kind === 'behaviour' || kind === 'restraint') return 'pupil_record';
  return 'child_protection';
}

/**
 * When a pupil's file may be deleted: past the pupil record's date and past the date of every kind of
 * record it still holds that is kept with it (child protection, accidents). SEN and EHCP documents do
 * not hold it: they are set aside and kept to their own date. Returns the latest date and its kind.
 */
export function pupilFileKeptUntil(
  dateOfBirth: string,
  years: (kind: RetentionKind) => number,
  holds: readonly RetentionKind[],
): { until: string; kind: RetentionKind } {
  let latest = {
    until: keepUntil(dateOfBirth, years('pupil_record')),
    kind: 'pupil_record' as RetentionKind,
  };
  for (const kind of new Set(holds)) {
    if (kind === 'send_ehcp' || kind === 'attendance_register') continue;
    const until = keepUntil(dateOfBirth, years(kind));
    if (until > latest.until) latest = { until, kind };
  }
  return latest;
}

export const retentionOverrideSchema = z.strictObject({
  years: z
    .number({ error: 'Enter a number of years' })
    .int('Enter a whole number of years')
    .min(1, 'Keep records at least a year')
    .max(100, 'At most 100 years'),
});

export const retentionReviewSchema = z.strictObject({
  reviewNote: z
    .string({ error: 'Say why deleting is right now' })
    .trim()
    .min(10, 'Say why deleting is right now: what was checked (at least 10 characters)')
    .max(2000),
});
