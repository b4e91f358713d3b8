/**
 * Request and response shapes of the pupil routes: the record, leaving the roll, documents kept on
 * file, and importing a school's pupils from CSV or a Common Transfer File. The API validates and
 * documents with them; the web takes its types from them.
 */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';
import { leavingReasons, leavingSchema, pupilInputSchema, senStatuses } from '../pupils/pupil.schemas.ts';
import { importFields } from '../pupils/pupil-import.ts';

export { leavingSchema, pupilInputSchema };

export const pupilParams = z.object({ pupilId: z.uuid({ message: 'Not a pupil id' }) });

export const pupilViewSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  upn: z.string(),
  uln: z.string().nullable(),
  legalFirstName: z.string(),
  legalLastName: z.string(),
  preferredName: z.string().nullable(),
  displayName: z.string(),
  dateOfBirth: z.string(),
  yearGroup: z.number().int(),
  sex: z.enum(['F', 'M']),
  senStatus: z.enum(senStatuses),
  ehcpLocalAuthority: z.string().nullable(),
  ehcpAnnualReviewOn: z.string().nullable(),
  lookedAfter: z.boolean(),
  virtualSchoolContact: z.string().nullable(),
  parents: z.array(
    z.object({
      name: z.string(),
      relationship: z.string(),
      telephone: z.string().optional(),
      email: z.string().optional(),
      parentalResponsibility: z.boolean(),
    }),
  ),
  leaving: z.object({ leftOn: z.string(), reason: z.enum(leavingReasons), note: z.string() }).nullable(),
  version: z.number().int(),
});

/** A change to the record names the version it was made on, so two people's edits cannot cross. */
export const updatePupilBodySchema = z.object({ version: z.number().int().min(1), pupil: pupilInputSchema });

export const pupilDocumentKinds = ['risk_assessment', 'pupil_profile', 'ehcp', 'other'] as const;
export type PupilDocumentKind = (typeof pupilDocumentKinds)[number];
export const pupilDocumentKindLabels: Record<PupilDocumentKind, string> = {
  risk_assessment: 'Risk assessment',
  pupil_profile: 'Pupil profile',
  ehcp: 'EHCP',
  other: 'Other',
};

export const pupilDocumentDetailsSchema = z.object({
  kind: z.enum(pupilDocumentKinds, { message: 'Choose what kind of document this is' }),
  title: z.string().trim().min(1, 'Give the document a title').max(150),
  documentDate: z.preprocess((v) => (v === '' || v === undefined ? null : v), isoDateSchema.nullable()),
});
export const pupilDocumentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(pupilDocumentKinds),
  title: z.string(),
  version: z.number().int(),
  documentDate: z.string().nullable(),
  uploadedAt: z.iso.datetime(),
  filename: z.string(),
  sizeBytes: z.number().int(),
});
export const pupilDocumentListSchema = z.object({ documents: z.array(pupilDocumentSchema) });

/** The largest import file, as text: a secondary school's roll as a CTF is well under it. */
export const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

export const importBodySchema = z.strictObject({
  schoolId: z.uuid({ message: 'Choose the school the pupils belong to' }),
  format: z.enum(['csv', 'ctf'], { message: 'Choose CSV or Common Transfer File' }),
  content: z.string().min(1, 'Choose a file to import').max(IMPORT_BODY_LIMIT),
  mapping: z.partialRecord(z.enum(importFields), z.string()).optional(),
});

export const importPreviewSchema = z.object({
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(importFields), z.string()),
  missingColumns: z.array(z.object({ field: z.string(), label: z.string() })),
  rows: z.array(
    z.object({
      line: z.number().int(),
      name: z.string().nullable(),
      upn: z.string().nullable(),
      problems: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  ),
  ready: z.number().int(),
  withProblems: z.number().int(),
});
export const importedSchema = z.object({ imported: z.number().int() });

export type PupilView = z.infer<typeof pupilViewSchema>;
export type PupilRequest = z.input<typeof pupilInputSchema>;
export type LeavingRequest = z.input<typeof leavingSchema>;
export type PupilDocument = z.infer<typeof pupilDocumentSchema>;
export type ImportRequest = z.input<typeof importBodySchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
