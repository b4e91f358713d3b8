/** Each issue of the group's AP policy, with the form templates in force under it. */
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { groups } from '../organisation/organisation.table.ts';

export const policyVersions = pgTable(
  'policy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    policyNumber: text('policy_number').notNull(),
    issueNumber: text('issue_number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    author: text('author').notNull(),
    approver: text('approver').notNull(),
    nextReviewOn: date('next_review_on', { mode: 'string' }).notNull(),
    changes: text('changes').notNull(),
    /** The Appendix 1 audit form version published when this issue was recorded. */
    auditTemplateVersion: integer('audit_template_version').notNull(),
    /** The Appendix 5 QA form version in force. */
    qaTemplateVersion: integer('qa_template_version').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('policy_versions_group_idx').on(t.groupId, t.issuedOn)],
);
