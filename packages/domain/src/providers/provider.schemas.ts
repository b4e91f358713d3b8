/** A provider as the directory records it: the Appendix 1 header and what the group needs to know. */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';
import { emailSchema } from '../users/users.schemas.ts';
import { dfeNumberSchema, postcodeSchema, ukPhoneSchema, ukprnSchema, urnSchema } from './identifiers.ts';

export const settingTypes = [
  'registered_school',
  'pru_or_ap_academy',
  'further_education',
  'unregistered',
  'one_to_one_tuition',
  'work_based',
] as const;
export type SettingType = (typeof settingTypes)[number];

export const settingTypeLabels: Record<SettingType, string> = {
  registered_school: 'Registered school (independent or special)',
  pru_or_ap_academy: 'Pupil referral unit or AP academy',
  further_education: 'Further education college',
  unregistered: 'Unregistered provider',
  one_to_one_tuition: 'One-to-one tuition',
  work_based: 'Work-based placement',
};

/** Settings that are schools: a pupil placed there is dual registered (code D) at the home school. */
export const schoolSettingTypes: readonly SettingType[] = ['registered_school', 'pru_or_ap_academy'];

export const ofstedGrades = [
  'outstanding',
  'good',
  'requires_improvement',
  'inadequate',
  'not_inspected',
  'not_applicable',
] as const;
export const ofstedGradeLabels: Record<(typeof ofstedGrades)[number], string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
  not_inspected: 'Not yet inspected',
  not_applicable: 'Not applicable (not inspected by Ofsted)',
};

const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable().default(null));

const designatedPerson = z.strictObject({
  name: z.string().trim().min(1, 'Enter the name').max(120),
  trainingDetails: optionalText(300),
  trainedOn: optional(isoDateSchema),
});

export const providerInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter the provider’s name').max(150, 'Use at most 150 characters'),
  settingType: z.enum(settingTypes, { message: 'Choose the kind of setting' }),
  addressLine1: z.string().trim().min(1, 'Enter the first line of the address').max(150),
  addressLine2: optionalText(150),
  town: z.string().trim().min(1, 'Enter the town or city').max(80),
  postcode: postcodeSchema,
  telephone: ukPhoneSchema,
  email: emailSchema,
  keyContactName: z.string().trim().min(1, 'Enter the key contact’s name').max(120),
  keyContactRole: optionalText(120),
  dfeNumber: optional(dfeNumberSchema),
  urn: optional(urnSchema),
  ukprn: optional(ukprnSchema),
  aalaLicence: optionalText(40),
  ofstedGrade: z.enum(ofstedGrades).nullable().default(null),
  ofstedReportDate: optional(isoDateSchema),
  onLaFramework: z.boolean({ message: 'Say whether the provider is on the local authority’s AP framework' }),
  dsl: designatedPerson.nullable().default(null),
  deputyDsl: designatedPerson.nullable().default(null),
});

export type ProviderInput = z.infer<typeof providerInputSchema>;
