/** A group's own retention periods, where it changed the schedule's defaults (DOMAIN-REFERENCE.md). */
import type { RetentionKind } from '@waymark/domain';
import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { groups } from '../organisation/organisation.table.ts';

export const retentionOverrides = pgTable(
  'retention_overrides',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    kind: text('kind').$type<RetentionKind>().notNull(),
    years: integer('years').notNull(),
    setByName: text('set_by_name').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.kind] })],
);
