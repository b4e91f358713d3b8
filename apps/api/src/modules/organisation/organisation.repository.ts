import type { ScopeType } from '@waymark/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
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
