/**
 * The group's provider directory (policy §6.1, Appendix 1 header). Columns other than the name are
 * nullable so a provider can be recorded before every detail is known; the API asks for the full
 * record when one is created through the directory.
 */

import { communicationKinds, type InsuranceType, type ofstedGrades, type SettingType } from '@waymark/domain';
import type { ProviderDocumentKind } from '@waymark/domain/contracts/providers';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';
import { storedFiles } from '../files/files.table.ts';
import { groups } from '../organisation/organisation.table.ts';

export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    name: text('name').notNull(),
    settingType: text('setting_type').$type<SettingType>(),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    town: text('town'),
    postcode: text('postcode'),
    telephone: text('telephone'),
    email: text('email'),
    keyContactName: text('key_contact_name'),
    keyContactRole: text('key_contact_role'),
    dfeNumber: text('dfe_number'),
    urn: text('urn'),
    ukprn: text('ukprn'),
    aalaLicence: text('aala_licence'),
    ofstedGrade: text('ofsted_grade').$type<(typeof ofstedGrades)[number]>(),
    ofstedReportDate: date('ofsted_report_date'),
    onLaFramework: boolean('on_la_framework'),
    dslName: text('dsl_name'),
    dslTrainingDetails: text('dsl_training_details'),
    dslTrainedOn: date('dsl_trained_on'),
    deputyDslName: text('deputy_dsl_name'),
    deputyDslTrainingDetails: text('deputy_dsl_training_details'),
    deputyDslTrainedOn: date('deputy_dsl_trained_on'),
    /** The registration test's counts as last entered by an auditor (until placements supply them). */
    registrationFullTimePupils: integer('registration_full_time_pupils'),
    registrationFullTimeLookedAfterOrEhcp: integer('registration_full_time_lac_or_ehcp'),
    registrationCheckedOn: date('registration_checked_on'),
    /** When the DSL or deputy DSL last changed: a safeguarding letter from before then no longer counts. */
    safeguardingLeadsChangedAt: timestamp('safeguarding_leads_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [index('providers_group_idx').on(t.groupId)],
);

/** The columns every record that belongs to one provider starts with. */
export function ownedByProvider() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    providerId: belongsTo('provider_id', () => providers.id),
  };
}

/** Insurance policies as recorded, newest last; the latest of each type is the current cover. */
export const providerInsurance = pgTable(
  'provider_insurance',
  {
    ...ownedByProvider(),
    type: text('type').$type<InsuranceType>().notNull(),
    insurer: text('insurer').notNull(),
    levelPounds: bigint('level_pounds', { mode: 'number' }).notNull(),
    expiresOn: date('expires_on').notNull(),
    specialConditions: text('special_conditions').notNull().default(''),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [index('provider_insurance_provider_idx').on(t.providerId)],
);

/** Evidence on file (Appendix 3 step 4): each upload is a new version of a titled document. */
export const providerDocuments = pgTable(
  'provider_documents',
  {
    ...ownedByProvider(),
    kind: text('kind').$type<ProviderDocumentKind>().notNull(),
    title: text('title').notNull(),
    version: integer('version').notNull(),
    documentDate: date('document_date'),
    expiresOn: date('expires_on'),
    fileId: belongsTo('file_id', () => storedFiles.id),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [index('provider_documents_provider_idx').on(t.providerId, t.kind)],
);

/** The service level agreement with a provider (policy §6.1); each change is a new row, the latest is current. */
export const providerSlas = pgTable(
  'provider_slas',
  {
    ...ownedByProvider(),
    safeguarding: text('safeguarding').notNull(),
    dataSharing: text('data_sharing').notNull(),
    /** Attendance for the morning and afternoon sessions is reported by these times (Europe/London). */
    attendanceAmBy: text('attendance_am_by').notNull(),
    attendancePmBy: text('attendance_pm_by').notNull(),
    attendanceMethod: text('attendance_method').notNull(),
    complaints: text('complaints').notNull(),
    escalation: text('escalation').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    signedDocumentId: uuid('signed_document_id').references(() => providerDocuments.id),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [index('provider_slas_provider_idx').on(t.providerId, t.recordedAt)],
);

/** Headteachers' decisions on a provider: approve, suspend, withdraw, reinstate. The latest stands. */
export const providerDecisions = pgTable(
  'provider_decisions',
  {
    ...ownedByProvider(),
    kind: text('kind', { enum: ['approved', 'suspended', 'withdrawn', 'reinstated'] }).notNull(),
    reason: text('reason').notNull().default(''),
    decidedBy: uuid('decided_by').notNull(),
    decidedByName: text('decided_by_name').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().default(writtenNow),
    /** Orders decisions made at the same instant (a clock held still, or one transaction). */
    sequence: bigserial('sequence', { mode: 'number' }).notNull(),
  },
  (t) => [index('provider_decisions_provider_idx').on(t.providerId, t.decidedAt)],
);

/** The AP lead's record of contact with a provider as a whole (policy §13): not about one placement. */
export const providerCommunications = pgTable(
  'provider_communications',
  {
    ...ownedByProvider(),
    kind: text('kind', { enum: communicationKinds }).notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    withWhom: text('with_whom').notNull(),
    summary: text('summary').notNull(),
    followUp: text('follow_up').notNull().default(''),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('provider_communications_provider_idx').on(t.providerId, t.occurredOn)],
);
