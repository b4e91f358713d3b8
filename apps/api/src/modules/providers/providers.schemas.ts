import { ofstedGrades, providerInputSchema, providerStatuses, settingTypes } from '@waymark/domain';
import { z } from 'zod';

export const providerParamsSchema = z.object({ providerId: z.uuid({ message: 'Not a provider id' }) });

export const listProvidersQuerySchema = z.object({
  search: z.string().trim().max(100).optional(),
  status: z.enum(providerStatuses).optional(),
  settingType: z.enum(settingTypes).optional(),
  sort: z.enum(['name', 'updated', 'status']).default('name'),
});

const person = z.object({
  name: z.string(),
  trainingDetails: z.string().nullable(),
  trainedOn: z.string().nullable(),
});

export const providerViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  settingType: z.enum(settingTypes).nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  telephone: z.string().nullable(),
  email: z.string().nullable(),
  keyContactName: z.string().nullable(),
  keyContactRole: z.string().nullable(),
  dfeNumber: z.string().nullable(),
  urn: z.string().nullable(),
  ukprn: z.string().nullable(),
  aalaLicence: z.string().nullable(),
  ofstedGrade: z.enum(ofstedGrades).nullable(),
  ofstedReportDate: z.string().nullable(),
  onLaFramework: z.boolean().nullable(),
  dsl: person.nullable(),
  deputyDsl: person.nullable(),
  status: z.enum(providerStatuses),
  registration: z
    .object({
      fullTimePupils: z.number().int(),
      fullTimePupilsLookedAfterOrEhcp: z.number().int(),
      /** The group's own active full-time placements there. */
      fromPlacements: z.object({
        fullTimePupils: z.number().int(),
        fullTimePupilsLookedAfterOrEhcp: z.number().int(),
      }),
      /** Full-time pupils other schools or LAs place there, as the provider reported at the audit. */
      reportedByProvider: z
        .object({ fullTimePupils: z.number().int(), fullTimePupilsLookedAfterOrEhcp: z.number().int() })
        .nullable(),
      checkedOn: z.string().nullable(),
      mustRegister: z.boolean(),
      alarm: z.boolean().meta({
        description: 'Must register but is not recorded as registered: placements must not go ahead',
      }),
      reason: z.string(),
    })
    .nullable(),
  lastAudit: z
    .object({
      id: z.uuid(),
      status: z.enum(['draft', 'submitted']),
      visitedAt: z.iso.datetime(),
      suitable: z.boolean().nullable(),
    })
    .nullable(),
  approval: z.object({
    readyForSignOff: z.boolean(),
    /** The provider's leads changed after its latest letter: a new one is awaited since then. */
    letterAwaitedSince: z.object({ at: z.iso.datetime(), what: z.string() }).nullable(),
    steps: z.array(
      z.object({
        id: z.enum(['audit', 'registration', 'letter', 'insurance', 'sla', 'sign_off']),
        label: z.string(),
        done: z.boolean(),
        detail: z.string(),
      }),
    ),
  }),
  updatedAt: z.iso.datetime(),
});

export const providerListSchema = z.object({ providers: z.array(providerViewSchema) });

export { providerInputSchema };
export type ProviderView = z.infer<typeof providerViewSchema>;

export const registrationCheckBodySchema = z
  .strictObject({
    fullTimePupils: z
      .number({ message: 'Enter a number of pupils' })
      .int()
      .min(0, 'Enter 0 or more')
      .max(10_000),
    fullTimePupilsLookedAfterOrEhcp: z
      .number({ message: 'Enter a number of pupils' })
      .int()
      .min(0, 'Enter 0 or more')
      .max(10_000),
  })
  .refine((b) => b.fullTimePupilsLookedAfterOrEhcp <= b.fullTimePupils, {
    message: 'These pupils are among the full-time pupils, so there cannot be more of them',
    path: ['fullTimePupilsLookedAfterOrEhcp'],
  });
