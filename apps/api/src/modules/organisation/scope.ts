/**
 * SQL conditions that keep every list inside the caller's reach. Repositories add these to their
 * WHERE clause; nothing is filtered in JavaScript after the fact.
 */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import type { Actor, Reach } from '../../lib/actor.ts';
import { schools } from './organisation.table.ts';

const nothing = sql`false`;

/** The schools a reach covers, as a subquery over `schools`. */
export function schoolsInReach(db: Database, actor: Actor, reach: Reach) {
  const conditions: SQL[] = [];
  if (reach.wholeGroup) conditions.push(sql`true`);
  if (reach.regionIds.length) conditions.push(inArray(schools.regionId, reach.regionIds));
  if (reach.schoolIds.length) conditions.push(inArray(schools.id, reach.schoolIds));
  return db
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.groupId, actor.groupId), conditions.length ? or(...conditions) : nothing));
}

/** `column` (a school id) is one of the schools in reach. */
export function schoolColumnInReach(db: Database, actor: Actor, reach: Reach, column: PgColumn): SQL {
  if (!reach.wholeGroup && !reach.regionIds.length && !reach.schoolIds.length) return nothing;
  return inArray(column, schoolsInReach(db, actor, reach));
}
