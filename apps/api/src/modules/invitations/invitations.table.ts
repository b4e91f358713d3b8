/**
 * One-time links to set a first password. Only the token's SHA-256 is stored, so a copy of the
 * database cannot be used to take over an invited account.
 */

import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { writtenNow } from '../../db/written-at.ts';
import { users } from '../users/users.table.ts';

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** Set when a newer invitation replaces this one: only the latest link works. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('invitations_user_idx').on(t.userId)],
);
