/** Changes a provider tells the school about (Appendix 2 undertakings), from the portal or recorded by staff. */

import { providerNoticeKinds } from '@waymark/domain';
import { boolean, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { writtenNow } from '../../db/written-at.ts';
import { ownedByProvider } from '../providers/providers.table.ts';

export const providerNotices = pgTable(
  'provider_notices',
  {
    ...ownedByProvider(),
    kind: text('kind', { enum: providerNoticeKinds }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    details: text('details').notNull(),
    /** A new member of staff: the provider confirmed in writing that every check is complete. */
    checksAssured: boolean('checks_assured'),
    /** `portal` when the provider told us; `school` when school staff recorded what they were told. */
    source: text('source', { enum: ['portal', 'school'] }).notNull(),
    reportedBy: uuid('reported_by').notNull(),
    reportedByName: text('reported_by_name').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [index('provider_notices_provider_idx').on(t.providerId, t.reportedAt)],
);
