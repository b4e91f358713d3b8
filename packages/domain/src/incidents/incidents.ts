/**
 * Concerns and incidents at a provider (policy §5.3, §6.2, §8). Safeguarding kinds go to the school's
 * DSLs at once and only DSLs read their detail; everyone else with access sees that a concern exists
 * and where it stands. Restraint needs the post-incident support and debrief the policy asks for.
 */
import { z } from 'zod';
import { londonWallTime, todayInLondon } from '../calendar/iso-date.ts';

export const incidentKinds = [
  'safeguarding_concern',
  'allegation_against_staff',
  'missing_child',
  'online_safety',
  'health_and_safety',
  'accident_injury',
  'behaviour',
  'restraint',
] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export const incidentKindLabels: Record<IncidentKind, string> = {
  safeguarding_concern: 'Safeguarding concern',
  allegation_against_staff: 'Allegation against a member of staff',
  missing_child: 'Missing child',
  online_safety: 'Online safety',
  health_and_safety: 'Health and safety incident',
  accident_injury: 'Accident or injury',
  behaviour: 'Behaviour incident',
  restraint: 'Restraint or physical intervention',
};

/** Kinds whose detail only a DSL reads, and which tell the DSLs immediately whatever their settings. */
export const safeguardingKinds: readonly IncidentKind[] = [
  'safeguarding_concern',
  'allegation_against_staff',
  'missing_child',
  'online_safety',
];

export const isSafeguarding = (kind: IncidentKind) => safeguardingKinds.includes(kind);

/** Kinds that make up a placement's behaviour log (reviews and the attendance/behaviour review). */
export const behaviourKinds: readonly IncidentKind[] = ['behaviour', 'restraint'];

export const incidentStatuses = ['reported', 'triaged', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const incidentStatusLabels: Record<IncidentStatus, string> = {
  reported: 'Reported, awaiting triage',
  triaged: 'Triaged, being acted on',
  closed: 'Closed',
};

/** Where a DSL refers a concern on to (Working Together, KCSIE). */
export const referralAgencies = [
  'childrens_social_care',
  'lado',
  'police',
  'early_help',
  'prevent',
  'other',
] as const;
export type ReferralAgency = (typeof referralAgencies)[number];

export const referralAgencyLabels: Record<ReferralAgency, string> = {
  childrens_social_care: "Children's social care",
  lado: 'Local authority designated officer (LADO)',
  police: 'Police',
  early_help: 'Early help',
  prevent: 'Prevent / Channel',
  other: 'Other agency',
};

export const triageLevels = ['no_further_action', 'monitor', 'early_help', 'referral'] as const;
export type TriageLevel = (typeof triageLevels)[number];

export const triageLevelLabels: Record<TriageLevel, string> = {
  no_further_action: 'No further action beyond recording',
  monitor: 'Monitor in school and at the provider',
  early_help: 'Early help',
  referral: 'Refer to an agency',
};

const text = (what: string, max = 5000) =>
  z
    .string({ error: `Say ${what}` })
    .trim()
    .min(3, `Say ${what}`)
    .max(max, `Keep this under ${max.toLocaleString('en-GB')} characters`);

/** An instant as sent by a browser's date-time field or an API client, with or without an offset. */
const instant = z
  .string({ error: 'Give the date and time' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/, 'Give the date and time')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'This is not a real date and time');

export const incidentReportSchema = z
  .strictObject({
    placementId: z.uuid({ message: 'Choose the pupil' }),
    kind: z.enum(incidentKinds, { message: 'Choose what kind of concern or incident this is' }),
    occurredAt: instant,
    location: text('where it happened', 200),
    peopleInvolved: z.string().trim().max(2000, 'Keep this under 2,000 characters').default(''),
    whatHappened: text('what happened'),
    immediateActions: text('what was done straight away'),
    postIncidentSupport: z.string().trim().max(2000, 'Keep this under 2,000 characters').optional(),
    debrief: z.string().trim().max(2000, 'Keep this under 2,000 characters').optional(),
  })
  .superRefine((report, ctx) => {
    if (report.kind !== 'restraint') return;
    if (!report.postIncidentSupport || report.postIncidentSupport.length < 3)
      ctx.addIssue({
        code: 'custom',
        path: ['postIncidentSupport'],
        message: 'Say what support the pupil was given after the restraint',
      });
    if (!report.debrief || report.debrief.length < 3)
      ctx.addIssue({
        code: 'custom',
        path: ['debrief'],
        message: 'Say when and how the debrief with the pupil and staff took place',
      });
  });
export type IncidentReport = z.infer<typeof incidentReportSchema>;

/** A wall-clock time from a form ("2026-01-12T09:15", no offset) is London time; with an offset it is exact. */
export function parseIncidentTime(value: string): Date {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) return new Date(value);
  return londonWallTime(value);
}

/**
 * Same-day notification (policy §6.2): the school must be told on the day it happened. Measured in
 * London dates, so a concern at 23:30 told at 00:10 is a day late.
 */
export function toldSameDay(occurredAt: Date, schoolToldAt: Date): boolean {
  return todayInLondon(schoolToldAt) <= todayInLondon(occurredAt);
}

export const triageSchema = z.strictObject({
  level: z.enum(triageLevels, { message: 'Choose the level of response' }),
  rationale: text('why you decided this'),
});

export const incidentActionSchema = z.strictObject({
  action: text('what needs doing', 1000),
  owner: text('who will do it', 200),
  dueOn: z.iso.date({ message: 'Give the date it is due' }),
});

export const referralSchema = z.strictObject({
  agency: z.enum(referralAgencies, { message: 'Choose who it was referred to' }),
  referredOn: z.iso.date({ message: 'Give the date of the referral' }),
  reference: z.string().trim().max(200).default(''),
  details: text('what was shared and what the agency said', 2000),
});

export const closureSchema = z.strictObject({
  outcome: text('the outcome', 2000),
});
