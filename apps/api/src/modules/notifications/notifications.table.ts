/**
 * The outbox: every email Waymark sends is written here first, in the same transaction as the change
 * that caused it, then delivered by a background loop. Nothing is lost if the mail server is down or
 * the process stops; with no mail server configured the outbox is where administrators read them.
 */

import type { DeliveryMode, NotificationKind } from '@waymark/domain';
import { emailStatuses } from '@waymark/domain/contracts/outbox';
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';
import { groups } from '../organisation/organisation.table.ts';
import { users } from '../users/users.table.ts';

// Shared with the web, which shows each email's status.
export { type EmailStatus, emailStatuses } from '@waymark/domain/contracts/outbox';

export const emails = pgTable(
  'emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    /** What the email is about, e.g. `invitation` or `evidence_reminder`; for filtering and preferences. */
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    status: text('status', { enum: emailStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().default(writtenNow),
    /** Set while one delivery loop is sending it, so two server processes never send it twice. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** Which delivery pass holds the lease: a pass records a result only while the lease is still its own. */
    leaseToken: uuid('lease_token'),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('emails_due_idx').on(t.status, t.nextAttemptAt),
    index('emails_group_idx').on(t.groupId, t.createdAt),
  ],
);

/** Each person's choice, per kind of email, of having it at once or in the morning digest. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: belongsTo('user_id', () => users.id),
    kind: text('kind').$type<NotificationKind>().notNull(),
    mode: text('mode').$type<DeliveryMode>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Emails held for a person's next daily digest; `sentInEmailId` once the digest is queued. */
export const digestItems = pgTable(
  'digest_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    userId: belongsTo('user_id', () => users.id),
    kind: text('kind').$type<NotificationKind>().notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentInEmailId: uuid('sent_in_email_id').references(() => emails.id),
  },
  (t) => [index('digest_items_pending_idx').on(t.userId, t.sentInEmailId)],
);
