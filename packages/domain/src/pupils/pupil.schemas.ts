/** A pupil as the school records them (policy §7, §11; PRODUCT.md §2). */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';
import { ukPhoneSchema } from '../providers/identifiers.ts';
import { emailSchema } from '../users/users.schemas.ts';
import { ulnSchema, upnSchema } from './identifiers.ts';

export const senStatuses = ['none', 'sen_support', 'ehcp'] as const;
export type SenStatus = (typeof senStatuses)[number];
export const senStatusLabels: Record<SenStatus, string> = {
  none: 'No special educational needs',
  sen_support: 'SEN support',
  ehcp: 'Education, health and care plan (EHCP)',
};

const name = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(100, `Keep the ${what} under 100 characters`);
/** Optional text: a blank field from a form means "not given". */
const optionalText = z
  .string()
  .trim()
  .max(200, 'Keep this under 200 characters')
  .optional()
  .transform((v) => v || undefined);

export const parentContactSchema = z.strictObject({
  name: name('parent or carer’s name'),
  relationship: z.string().trim().min(1, 'Say who they are to the pupil, e.g. Mother, Foster carer').max(50),
  telephone: ukPhoneSchema.optional().or(z.literal('').transform(() => undefined)),
  email: emailSchema.optional().or(z.literal('').transform(() => undefined)),
  parentalResponsibility: z.boolean().default(true),
});

export const pupilInputSchema = z
  .strictObject({
    schoolId: z.uuid({ message: 'Choose the pupil’s school' }),
    upn: upnSchema,
    uln: ulnSchema.optional().or(z.literal('').transform(() => undefined)),
    legalFirstName: name('legal first name'),
    legalLastName: name('legal last name'),
    preferredName: optionalText,
    dateOfBirth: isoDateSchema,
    sex: z.enum(['F', 'M'], { message: 'Choose F or M, as on the school census' }),
    senStatus: z.enum(senStatuses, { message: 'Choose the SEN status' }),
    ehcpLocalAuthority: optionalText,
    ehcpAnnualReviewOn: isoDateSchema.optional().or(z.literal('').transform(() => undefined)),
    lookedAfter: z.boolean(),
    virtualSchoolContact: optionalText,
    parents: z.array(parentContactSchema).max(6).default([]),
  })
  .superRefine((pupil, ctx) => {
    if (pupil.senStatus === 'ehcp' && !pupil.ehcpLocalAuthority)
      ctx.addIssue({
        code: 'custom',
        path: ['ehcpLocalAuthority'],
        message: 'Name the local authority that maintains the EHCP',
      });
    if (pupil.lookedAfter && !pupil.virtualSchoolContact)
      ctx.addIssue({
        code: 'custom',
        path: ['virtualSchoolContact'],
        message: 'Give the virtual school contact for a looked-after pupil',
      });
  });
export type PupilInput = z.infer<typeof pupilInputSchema>;

/**
 * The national curriculum year in an academic year starting 1 September: a child's age on the
 * 31 August before it, less 4 (so Reception is 0, Year 7 is 11-year-olds, Year 11 is 15-year-olds).
 */
export function yearGroupOn(dateOfBirth: string, date: string): number {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const academicYearStart = month >= 9 ? year : year - 1;
  const [bornYear, bornMonth] = dateOfBirth.split('-').map(Number) as [number, number];
  // Age on 31 August of the year the academic year starts: a birthday in September to December is later.
  const birthdayPassed = bornMonth <= 8;
  const ageOn31August = academicYearStart - bornYear - (birthdayPassed ? 0 : 1);
  return ageOn31August - 4;
}

export function yearGroupLabel(yearGroup: number): string {
  if (yearGroup < 0) return 'Nursery';
  if (yearGroup === 0) return 'Reception';
  return `Year ${yearGroup}`;
}

/** Compulsory school age, by year group: Year 1 to Year 11 (Reception children turn five during it). */
export function isCompulsorySchoolAge(yearGroup: number): boolean {
  return yearGroup >= 1 && yearGroup <= 11;
}

/** Why a pupil came off the school roll (the reasons a school records a leaver for). */
export const leavingReasons = [
  'managed_move_completed',
  'moved_school',
  'permanent_exclusion',
  'elective_home_education',
  'moved_away',
  'post_16',
  'other',
] as const;
export type LeavingReason = (typeof leavingReasons)[number];
export const leavingReasonLabels: Record<LeavingReason, string> = {
  managed_move_completed: 'Managed move completed: on roll at the new school',
  moved_school: 'Moved to another school',
  permanent_exclusion: 'Permanently excluded',
  elective_home_education: 'Educated at home by the parents (elective home education)',
  moved_away: 'Moved out of the area',
  post_16: 'Finished compulsory schooling',
  other: 'Another reason',
};

export const leavingSchema = z.strictObject({
  leftOn: isoDateSchema,
  reason: z.enum(leavingReasons, { message: 'Choose why the pupil left the roll' }),
  note: z.string().trim().max(1000).default(''),
  version: z.number().int().min(1),
});
export type LeavingInput = z.infer<typeof leavingSchema>;
