import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { writtenNow } from '../../db/written-at.ts';
import { users } from '../users/users.table.ts';

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored here. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the CSRF token issued with this session; requests must echo the token. */
    csrfHash: text('csrf_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().default(writtenNow),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    /**
     * `done` once the person has passed every step of signing in; `code` while their authenticator code
     * is awaited; `enrol` while a role that requires two-factor sign-in waits for them to set it up.
     * Until `done`, the session opens only the steps of signing in.
     */
    secondFactor: text('second_factor', { enum: ['done', 'code', 'enrol'] })
      .notNull()
      .default('done'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per email address, known or not, so that lockout behaves the same for an address
 * that has no account and gives nothing away about which addresses exist.
 */
export const signInThrottles = pgTable('sign_in_throttles', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().default(writtenNow),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
