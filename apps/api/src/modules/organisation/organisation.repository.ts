import type { ScopeType } from '@waymark/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import type { Actor, Reach } from '../../lib/actor.ts';
import { providerNames } from '../providers/providers.repository.ts';
import { groups, regions, schools } from './organisation.table.ts';
import { schoolColumnInReach } from './scope.ts';

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;

export function createOrganisationRepository({ db }: { db: Database }) {
  /** A school as pages show it: with its region's name. */
  const selectSchoolViews = () =>
    db
      .select({
        id: schools.id,
        name: schools.name,
        urn: schools.urn,
        localAuthority: schools.localAuthority,
        regionId: schools.regionId,
        regionName: regions.name,
      })
      .from(schools)
      .innerJoin(regions, eq(regions.id, schools.regionId));

  return {
    async findGroup(groupId: string) {
      const [group] = await db.select().from(groups).where(eq(groups.id, groupId));
      return group ?? null;
    },

    /** A trust by its name (names are unique only by convention: the demo looks for its own). */
    async findGroupByName(name: string) {
      const [group] = await db.select().from(groups).where(eq(groups.name, name));
      return group ?? null;
    },

    listRegions(groupId: string) {
      return db.select().from(regions).where(eq(regions.groupId, groupId)).orderBy(asc(regions.name));
    },

    /** Schools the reach covers, with their region's name. */
    listSchoolsInReach(actor: Actor, reach: Reach) {
      return selectSchoolViews()
        .where(and(eq(schools.groupId, actor.groupId), schoolColumnInReach(db, actor, reach, schools.id)))
        .orderBy(asc(schools.name));
    },

    async findSchoolView(schoolId: string) {
      const [school] = await selectSchoolViews().where(eq(schools.id, schoolId));
      return school ?? null;
    },

    /** Names for role-assignment scopes, looked up only within the group. */
    async scopeNames(groupId: string, ids: string[]): Promise<Map<string, string>> {
      const names = new Map<string, string>();
      if (!ids.length) return names;
      const [groupRows, regionRows, schoolRows, providerRows] = await Promise.all([
        db
          .select({ id: groups.id, name: groups.name })
          .from(groups)
          .where(and(eq(groups.id, groupId), inArray(groups.id, ids))),
        db
          .select({ id: regions.id, name: regions.name })
          .from(regions)
          .where(and(eq(regions.groupId, groupId), inArray(regions.id, ids))),
        db
          .select({ id: schools.id, name: schools.name })
          .from(schools)
          .where(and(eq(schools.groupId, groupId), inArray(schools.id, ids))),
        providerNames(db, groupId, ids),
      ]);
      for (const row of [...groupRows, ...regionRows, ...schoolRows, ...providerRows])
        names.set(row.id, row.name);
      return names;
    },

    /** Whether a role-assignment scope is a real group, region, school or provider of this group. */
    async scopeExists(groupId: string, scopeType: ScopeType, scopeId: string): Promise<boolean> {
      if (scopeType === 'group') return scopeId === groupId;
      if (scopeType === 'provider') return (await providerNames(db, groupId, [scopeId])).length > 0;
      const table = { region: regions, school: schools }[scopeType];
      const [row] = await db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.groupId, groupId), eq(table.id, scopeId)));
      return Boolean(row);
    },

    async schoolInGroup(groupId: string, schoolId: string) {
      const [school] = await db
        .select()
        .from(schools)
        .where(and(eq(schools.groupId, groupId), eq(schools.id, schoolId)));
      return school ?? null;
    },
  };
}

/*
 * The organisation feature's front door for other features: named reads, and the SQL pieces a query
 * elsewhere needs (a school's name beside its rows) so that no other feature touches these tables.
 */

/** The name of the school whose id is in `schoolId`, as a column of another feature's query. */
export const schoolNameOf = (schoolId: AnyPgColumn) =>
  sql<string>`(select ${schools.name} from ${schools} where ${schools.id} = ${schoolId})`;

/** Every trust, for jobs that run across them all (chasers, digests, reminders). */
export function allGroups(db: Database) {
  return db.select({ id: groups.id, name: groups.name }).from(groups).orderBy(asc(groups.name));
}

/** A trust's schools (or those of them with the given ids), by name. */
export function schoolsOfGroup(db: Database, groupId: string, ids?: readonly string[]) {
  return db
    .select({ id: schools.id, name: schools.name, regionId: schools.regionId, urn: schools.urn })
    .from(schools)
    .where(and(eq(schools.groupId, groupId), ids ? inArray(schools.id, [...ids]) : undefined))
    .orderBy(asc(schools.name));
}

/** The schools a reach covers, by name. */
export function schoolsInReachOf(db: Database, actor: Actor, reach: Reach) {
  return db
    .select({ id: schools.id, name: schools.name, regionId: schools.regionId })
    .from(schools)
    .where(and(eq(schools.groupId, actor.groupId), schoolColumnInReach(db, actor, reach, schools.id)))
    .orderBy(asc(schools.name));
}

/** The school, if the reach covers it; null otherwise (callers say "not one of your schools"). */
export async function schoolInReachOf(db: Database, actor: Actor, reach: Reach, schoolId: string) {
  const [school] = await db
    .select({ id: schools.id, name: schools.name, regionId: schools.regionId })
    .from(schools)
    .where(
      and(
        eq(schools.id, schoolId),
        eq(schools.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reach, schools.id),
      ),
    );
  return school ?? null;
}

/** A school by its id, whatever the caller's reach: for jobs and messages already scoped. */
export async function schoolById(db: Database, schoolId: string) {
  const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
  return school ?? null;
}

/**
 * The schools a school, a region or the whole group covers: those in reach, how many there are in all
 * (a region or group report needs the whole of it in reach), and the scope's name.
 */
export async function schoolsOfScope(
  db: Database,
  actor: Actor,
  reach: Reach,
  scope: { kind: 'school' | 'region' | 'group'; id: string },
) {
  const where =
    scope.kind === 'school'
      ? eq(schools.id, scope.id)
      : scope.kind === 'region'
        ? eq(schools.regionId, scope.id)
        : eq(schools.groupId, scope.id);
  const [inReach, all] = await Promise.all([
    db
      .select({ id: schools.id, name: schools.name, regionId: schools.regionId })
      .from(schools)
      .where(
        and(eq(schools.groupId, actor.groupId), where, schoolColumnInReach(db, actor, reach, schools.id)),
      ),
    db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.groupId, actor.groupId), where)),
  ]);
  let name = inReach[0]?.name ?? '';
  if (scope.kind === 'region')
    name =
      (await db.select({ name: regions.name }).from(regions).where(eq(regions.id, scope.id)))[0]?.name ??
      'Region';
  if (scope.kind === 'group')
    name =
      (await db.select({ name: groups.name }).from(groups).where(eq(groups.id, scope.id)))[0]?.name ??
      'Group';
  return { inReach, total: all.length, name };
}

/** The names of the schools with these ids. */
export function schoolNamesById(db: Database, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(inArray(schools.id, [...ids]));
}
