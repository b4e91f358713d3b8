/**
 * Request and response shapes of the provider directory's routes: the provider and its approval, the
 * registration check, decisions, documents, insurance, the service level agreement, renewals and the
 * log of contact. The API validates and documents with them; the web takes its types from them.
 */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';
import { communicationKinds } from '../placements/placement-rules.ts';
import { providerStatuses } from '../providers/approval.ts';
import { insuranceTypes } from '../providers/insurance.ts';
import { ofstedGrades, providerInputSchema, settingTypes } from '../providers/provider.schemas.ts';

export { providerInputSchema };

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

export const decisionBodySchema = z.strictObject({
  kind: z.enum(['approved', 'suspended', 'withdrawn', 'reinstated'], {
    message: 'Choose approve, suspend, withdraw or reinstate',
  }),
  reason: z.string().trim().max(1000).default(''),
});

export const providerDocumentKinds = [
  'audit_report',
  'safeguarding_letter',
  'insurance_certificate',
  'sla',
  'policy',
  'risk_assessment',
  'other',
] as const;
export type ProviderDocumentKind = (typeof providerDocumentKinds)[number];
export const providerDocumentKindLabels: Record<ProviderDocumentKind, string> = {
  audit_report: 'Audit report',
  safeguarding_letter: 'Safeguarding assurance letter',
  insurance_certificate: 'Insurance certificate',
  sla: 'Service level agreement',
  policy: 'Policy',
  risk_assessment: 'Risk assessment',
  other: 'Other',
};

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
export const documentDetailsSchema = z.object({
  kind: z.enum(providerDocumentKinds, { message: 'Choose what kind of document this is' }),
  title: z.string().trim().min(1, 'Give the document a title').max(150),
  documentDate: z.preprocess(blankToNull, isoDateSchema.nullable()),
  expiresOn: z.preprocess(blankToNull, isoDateSchema.nullable()),
});

export const documentListSchema = z.object({
  documents: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(providerDocumentKinds),
      title: z.string(),
      version: z.number().int(),
      documentDate: z.string().nullable(),
      expiresOn: z.string().nullable(),
      uploadedAt: z.iso.datetime(),
      filename: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
    }),
  ),
});

export const policyBodySchema = z.strictObject({
  type: z.enum(insuranceTypes, { message: 'Choose the kind of cover' }),
  insurer: z.string().trim().min(1, 'Enter the insurer').max(120),
  levelPounds: z
    .number({ message: 'Enter the level of cover in pounds' })
    .int('Enter whole pounds')
    .positive('Enter the level of cover in pounds')
    .max(1_000_000_000),
  expiresOn: isoDateSchema,
  specialConditions: z.string().trim().max(500).default(''),
});

export const policyViewSchema = z.object({
  id: z.uuid(),
  type: z.enum(insuranceTypes),
  insurer: z.string(),
  levelPounds: z.number(),
  expiresOn: z.string(),
  specialConditions: z.string(),
  recordedAt: z.iso.datetime(),
});

export const insuranceViewSchema = z.object({
  cover: z.array(
    z.object({
      type: z.enum(insuranceTypes),
      label: z.string(),
      state: z.enum(['in_date', 'expiring_soon', 'expired', 'below_minimum', 'missing', 'not_needed']),
      blocksApproval: z.boolean(),
      message: z.string(),
    }),
  ),
  policies: z.array(policyViewSchema),
});

const clause = (what: string) => z.string().trim().min(1, `Say what was agreed on ${what}`).max(2000);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 10:00');

export const slaBodySchema = z
  .strictObject({
    safeguarding: clause('safeguarding'),
    dataSharing: clause('data sharing'),
    attendanceAmBy: time,
    attendancePmBy: time,
    attendanceMethod: clause('how attendance is reported'),
    complaints: clause('complaints'),
    escalation: clause('escalation'),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    signedDocumentId: z
      .uuid({ message: 'Choose the signed copy from the documents on file' })
      .nullable()
      .default(null),
  })
  .refine((b) => b.attendanceAmBy < b.attendancePmBy, {
    message: 'The afternoon time must be after the morning time',
    path: ['attendancePmBy'],
  })
  .refine((b) => b.startsOn < b.endsOn, {
    message: 'The agreement must end after it starts',
    path: ['endsOn'],
  });

export const slaViewSchema = z.object({
  sla: z
    .object({
      id: z.uuid(),
      safeguarding: z.string(),
      dataSharing: z.string(),
      attendanceAmBy: z.string(),
      attendancePmBy: z.string(),
      attendanceMethod: z.string(),
      complaints: z.string(),
      escalation: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      signedDocumentId: z.uuid().nullable(),
      recordedAt: z.iso.datetime(),
    })
    .nullable(),
});

export const renewalSchema = z.object({
  providerId: z.uuid(),
  providerName: z.string(),
  item: z.string(),
  kind: z.enum(['insurance', 'document', 'letter', 'sla', 'assurance']),
  expiresOn: z.string(),
  state: z.enum(['expired', 'due']),
  daysLeft: z.number().int(),
});

export const providerCommunicationsLogSchema = z.object({
  communications: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(communicationKinds),
      occurredOn: z.string(),
      withWhom: z.string(),
      summary: z.string(),
      followUp: z.string(),
      recordedByName: z.string(),
      recordedAt: z.iso.datetime(),
      /** The placement an entry is about; null for contact with the provider as a whole. */
      about: z.object({ placementId: z.uuid(), pupilName: z.string() }).nullable(),
    }),
  ),
});

export type ProviderRequest = z.input<typeof providerInputSchema>;
export type RegistrationCheckRequest = z.input<typeof registrationCheckBodySchema>;
export type DecisionRequest = z.input<typeof decisionBodySchema>;
export type ProviderDocument = z.infer<typeof documentListSchema>['documents'][number];
export type PolicyRequest = z.input<typeof policyBodySchema>;
export type Insurance = z.infer<typeof insuranceViewSchema>;
export type SlaRequest = z.input<typeof slaBodySchema>;
export type SlaView = z.infer<typeof slaViewSchema>;
export type Renewal = z.infer<typeof renewalSchema>;
export type ProviderCommunication = z.infer<typeof providerCommunicationsLogSchema>['communications'][number];
