import { roleNames } from '@waymark/domain';
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { writtenNow } from '../../db/written-at.ts';
import { groups } from '../organisation/organisation.table.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    /** Stored lower-case; unique across Waymark because it is the sign-in name. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** Null until an invited person chooses their password: nobody can sign in to the account before. */
    passwordHash: text('password_hash'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    index('users_group_idx').on(t.groupId),
  ],
);

/**
 * One role in one scope. scope_id points at a group, region, school or provider depending on
 * scope_type; the use case checks it belongs to the user's group, as a foreign key cannot.
 */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roleNames }).notNull(),
    scopeType: text('scope_type', { enum: ['group', 'region', 'school', 'provider'] }).notNull(),
    scopeId: uuid('scope_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(writtenNow),
  },
  (t) => [
    unique('role_assignments_unique').on(t.userId, t.role, t.scopeType, t.scopeId),
    index('role_assignments_scope_idx').on(t.scopeType, t.scopeId),
  ],
);
