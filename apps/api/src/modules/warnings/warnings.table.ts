import type { WarningSettings } from '@waymark/domain';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { groups } from '../organisation/organisation.table.ts';

/** A group's own thresholds for the early warnings; settings not stored take the defaults. */
export const warningSettings = pgTable('warning_settings', {
  groupId: uuid('group_id')
    .primaryKey()
    .references(() => groups.id),
  settings: jsonb('settings').$type<Partial<WarningSettings>>().notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Someone saw a warning and said what is being done. The warning stays quiet until the signal worsens
 * beyond `measure` or the acknowledgement lapses (packages/domain/src/warnings/early-warnings.ts).
 */
export const warningAcknowledgements = pgTable(
  'warning_acknowledgements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    /** kind:placementId or kind:providerId, as the domain makes it. */
    key: text('key').notNull(),
    schoolId: uuid('school_id'),
    measure: integer('measure').notNull(),
    /** The reason as it read when acknowledged, so the record stands on its own later. */
    reason: text('reason').notNull(),
    note: text('note').notNull(),
    acknowledgedOn: date('acknowledged_on', { mode: 'string' }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').notNull(),
    byName: text('by_name').notNull(),
  },
  (t) => [index('warning_acknowledgements_key_idx').on(t.groupId, t.key, t.acknowledgedOn)],
);
