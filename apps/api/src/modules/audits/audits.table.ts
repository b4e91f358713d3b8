/**
 * Appendix 1 audits. Each group has its published template versions; an audit points at the version
 * it was started on and keeps it for good.
 */

import type { AuditAnswers, AuditTemplate } from '@waymark/domain';
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';
import { groups } from '../organisation/organisation.table.ts';
import { ownedByProvider } from '../providers/providers.table.ts';

export const auditTemplates = pgTable(
  'audit_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    version: integer('version').notNull(),
    template: jsonb('template').$type<AuditTemplate>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().default(writtenNow),
    /** Null for the version Waymark ships. */
    publishedBy: uuid('published_by'),
    notes: text('notes').notNull().default(''),
  },
  (t) => [unique('audit_templates_group_version').on(t.groupId, t.version)],
);

export const providerAudits = pgTable(
  'provider_audits',
  {
    ...ownedByProvider(),
    templateId: belongsTo('template_id', () => auditTemplates.id),
    status: text('status', { enum: ['draft', 'submitted'] })
      .notNull()
      .default('draft'),
    /** "Date & time of visit" and "Visit / Audit completed by" from the form's header. */
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    auditorName: text('auditor_name').notNull(),
    answers: jsonb('answers').$type<AuditAnswers>().notNull().default({}),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(writtenNow),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
  },
  (t) => [index('provider_audits_provider_idx').on(t.providerId, t.createdAt)],
);
