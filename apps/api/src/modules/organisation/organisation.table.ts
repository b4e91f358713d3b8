/** The group (trust) → regions → schools hierarchy, and the providers the group commissions. */

import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';

export const groups = pgTable('groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
});

export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    name: text('name').notNull(),
  },
  (t) => [index('regions_group_idx').on(t.groupId)],
);

export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    regionId: belongsTo('region_id', () => regions.id),
    name: text('name').notNull(),
    /** Unique reference number from Get Information about Schools (6 digits). */
    urn: text('urn'),
    localAuthority: text('local_authority'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [index('schools_group_idx').on(t.groupId), index('schools_region_idx').on(t.regionId)],
);
