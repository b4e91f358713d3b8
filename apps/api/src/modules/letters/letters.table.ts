/**
 * Safeguarding assurance letters (Appendix 2): asked for by a school, completed and signed by the
 * provider online. A signed letter is never changed; its content is kept with its SHA-256.
 */

import type { SignedLetterContent } from '@waymark/domain';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';
import { schools } from '../organisation/organisation.table.ts';
import { ownedByProvider } from '../providers/providers.table.ts';

export type { SignedLetterContent };

export const safeguardingLetters = pgTable(
  'safeguarding_letters',
  {
    ...ownedByProvider(),
    schoolId: belongsTo('school_id', () => schools.id),
    headteacherName: text('headteacher_name').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().default(writtenNow),
    content: jsonb('content').$type<SignedLetterContent>(),
    contentSha256: text('content_sha256'),
    signedBy: uuid('signed_by'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (t) => [index('safeguarding_letters_provider_idx').on(t.providerId, t.requestedAt)],
);
