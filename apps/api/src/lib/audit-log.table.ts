import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { writtenNow } from '../db/written-at.ts';

/**
 * Who did what to which record, written in the same transaction as the change (or the read of a pupil
 * or safeguarding record). Never updated or deleted by the application.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().default(writtenNow),
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
    /**
     * The event's place in the tamper-evident chain, given when it is sealed (shortly after it is
     * written, in the order sealed): its hash covers its content and the previous event's hash.
     */
    chainSeq: bigint('chain_seq', { mode: 'number' }).unique(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /**
     * SHA-256 of the summary and changes as sealed: the link hashes this rather than the text, so the
     * text about a pupil whose record was deleted can be redacted and the chain still verifies
     * (decision 0023).
     */
    contentDigest: text('content_digest'),
    /** When the summary and changes were redacted (the pupil's record was deleted); null if never. */
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
  },
  (t) => [
    index('audit_events_group_time_idx').on(t.groupId, t.occurredAt),
    index('audit_events_school_time_idx').on(t.schoolId, t.occurredAt),
    index('audit_events_record_idx').on(t.recordType, t.recordId),
    // The sealer's queue: events written but not yet in the chain.
    index('audit_events_unsealed_idx').on(t.id).where(sql`${t.chainSeq} is null`),
  ],
);

/**
 * The chain's last link, kept apart from the events: removing events from the end of the chain leaves
 * it pointing past them, so that is seen too.
 */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey().default(1),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull(),
  /** 1: links hash the summary itself (before redaction was possible); 2: they hash its digest. */
  format: integer('format').notNull().default(1),
});
