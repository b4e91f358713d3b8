/** Two-factor sign-in: each person's authenticator secret, their recovery codes and trusted browsers. */
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table.ts';

export const secondFactors = pgTable('second_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The confirmed secret (base32); null until the first enrolment is confirmed. */
  secret: text('secret'),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** A new phone being set up: the old secret keeps working until this one is confirmed. */
  pendingSecret: text('pending_secret'),
  pendingSince: timestamp('pending_since', { withTimezone: true }),
  /** The last 30-second step a code was accepted for; a code is never accepted twice. */
  lastTimeStep: bigint('last_time_step', { mode: 'number' }),
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the code: the code itself is shown once and never stored. */
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Browsers a person chose to trust after entering a code: they skip the code until this expires. */
export const trustedBrowsers = pgTable(
  'trusted_browsers',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('trusted_browsers_user_idx').on(t.userId)],
);
