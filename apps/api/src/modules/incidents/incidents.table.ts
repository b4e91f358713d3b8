/**
 * Concerns and incidents reported by providers or school staff, and the DSL's work on them: triage,
 * actions, referrals to other agencies, outcome and closure. Safeguarding detail lives here and is
 * read through incidents.usecases.ts only, which decides who may see it.
 */
import type { IncidentKind, IncidentStatus, ReferralAgency, TriageLevel } from '@waymark/domain';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { storedFiles } from '../files/files.table.ts';
import { groups, schools } from '../organisation/organisation.table.ts';
import { placements } from '../placements/placements.table.ts';
import { providers } from '../providers/providers.table.ts';
import { pupils } from '../pupils/pupils.table.ts';

export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    providerId: belongsTo('provider_id', () => providers.id),
    placementId: belongsTo('placement_id', () => placements.id),
    pupilId: belongsTo('pupil_id', () => pupils.id),
    kind: text('kind').$type<IncidentKind>().notNull(),
    status: text('status').$type<IncidentStatus>().notNull().default('reported'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    location: text('location').notNull(),
    peopleInvolved: text('people_involved').notNull().default(''),
    whatHappened: text('what_happened').notNull(),
    immediateActions: text('immediate_actions').notNull(),
    postIncidentSupport: text('post_incident_support'),
    debrief: text('debrief'),
    source: text('source', { enum: ['portal', 'school'] }).notNull(),
    reportedBy: uuid('reported_by').notNull(),
    reportedByName: text('reported_by_name').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    /** When the school knew: at once for its own staff, and when a provider's report reached Waymark. */
    schoolToldAt: timestamp('school_told_at', { withTimezone: true }).notNull(),
    triageLevel: text('triage_level').$type<TriageLevel>(),
    triageRationale: text('triage_rationale'),
    triagedByName: text('triaged_by_name'),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    outcome: text('outcome'),
    closedByName: text('closed_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** A client-chosen key so a provider's retried report is recorded once. */
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('incidents_school_idx').on(t.schoolId, t.status),
    index('incidents_pupil_idx').on(t.pupilId, t.occurredAt),
    index('incidents_placement_idx').on(t.placementId, t.occurredAt),
    index('incidents_provider_idx').on(t.providerId, t.reportedAt),
    index('incidents_idempotency_idx').on(t.reportedBy, t.idempotencyKey),
  ],
);

export const incidentActions = pgTable(
  'incident_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: belongsTo('incident_id', () => incidents.id),
    action: text('action').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    doneByName: text('done_by_name'),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('incident_actions_incident_idx').on(t.incidentId)],
);

export const incidentReferrals = pgTable(
  'incident_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: belongsTo('incident_id', () => incidents.id),
    agency: text('agency').$type<ReferralAgency>().notNull(),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    reference: text('reference').notNull().default(''),
    details: text('details').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('incident_referrals_incident_idx').on(t.incidentId)],
);

/** Body maps, photographs and statements attached to a report. */
export const incidentAttachments = pgTable(
  'incident_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: belongsTo('incident_id', () => incidents.id),
    fileId: belongsTo('file_id', () => storedFiles.id),
    filename: text('filename').notNull(),
    description: text('description').notNull().default(''),
    /** Who attached it: the provider's portal sees only what its own staff attached. */
    side: text('side', { enum: ['portal', 'school'] })
      .notNull()
      .default('school'),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('incident_attachments_incident_idx').on(t.incidentId)],
);
