import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who did what to which record, written in the same transaction as the change (or the read of a pupil
 * or safeguarding record). Never updated or deleted by the application.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    groupId: uuid('group_id'),
    /** Null for events with no signed-in user, such as a failed sign-in. */
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id'),
    /** The school the record belongs to, so school leaders can browse their own school's events. */
    schoolId: uuid('school_id'),
    summary: text('summary').notNull(),
    changes: jsonb('changes').$type<Record<string, { from?: unknown; to?: unknown }>>(),
    ipAddress: text('ip_address'),
  },
  (t) => [
    index('audit_events_group_time_idx').on(t.groupId, t.occurredAt),
    index('audit_events_school_time_idx').on(t.schoolId, t.occurredAt),
    index('audit_events_record_idx').on(t.recordType, t.recordId),
  ],
);
