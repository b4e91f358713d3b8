/** API keys a school issues to a provider's own register system; only the key's SHA-256 is kept. */

import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { writtenNow } from '../../db/written-at.ts';
import { ownedByProvider } from '../providers/providers.table.ts';

export const providerApiKeys = pgTable(
  'provider_api_keys',
  {
    ...ownedByProvider(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    /** The first characters, shown so people can tell keys apart without seeing them whole. */
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('provider_api_keys_provider_idx').on(t.providerId)],
);
