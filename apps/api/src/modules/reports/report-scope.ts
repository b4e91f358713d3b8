/**
 * What a governors' report covers: one school, a region or the group, and the schools in it. A region or
 * group report needs the whole of it in reach, not the part one school's head can see.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { defineError } from '../../lib/errors.ts';
import { groups, regions, schools } from '../organisation/organisation.table.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';

export const reportErrors = {
  notFound: defineError(
    'reports.not_found',
    404,
    'There is no such school, region or group within your reach.',
  ),
  noTerm: defineError(
    'reports.no_term',
    400,
    'The schools have no term dates for that term. Add them under Term dates.',
  ),
};

export type ReportScope = { kind: 'school' | 'region' | 'group'; id: string };

export async function scopeSchools(db: Database, actor: Actor, scope: ReportScope) {
  const inReach = schoolColumnInReach(db, actor, reachOf(actor, 'reports.read'), schools.id);
  const where =
    scope.kind === 'school'
      ? eq(schools.id, scope.id)
      : scope.kind === 'region'
        ? eq(schools.regionId, scope.id)
        : eq(schools.groupId, scope.id);
  const rows = await db
    .select({ id: schools.id, name: schools.name, regionId: schools.regionId })
    .from(schools)
    .where(and(eq(schools.groupId, actor.groupId), where, inReach));
  // A region or group report needs the whole of it in reach, not the part one school's head can see.
  const all = await db
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.groupId, actor.groupId), where));
  if (!rows.length || rows.length !== all.length) throw reportErrors.notFound();
  let name = rows[0]!.name;
  if (scope.kind === 'region')
    name =
      (await db.select({ name: regions.name }).from(regions).where(eq(regions.id, scope.id)))[0]?.name ??
      'Region';
  if (scope.kind === 'group')
    name =
      (await db.select({ name: groups.name }).from(groups).where(eq(groups.id, scope.id)))[0]?.name ??
      'Group';
  return { schools: rows, name };
}
