/** Setting up the group's regions and schools (trust administrators). */

import type { SchoolBody, SchoolPatch } from '@waymark/domain/contracts/organisation';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { diff, recordAudit } from '../../lib/audit-log.ts';
import { organisationErrors } from './organisation.errors.ts';
import { createOrganisationRepository } from './organisation.repository.ts';
import { regions, schools } from './organisation.table.ts';

type Command = { db: Database; actor: Actor; ipAddress: string | null };

async function nameTaken(
  db: Database,
  table: typeof regions | typeof schools,
  groupId: string,
  name: string,
  exceptId?: string,
) {
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.groupId, groupId),
        sql`lower(${table.name}) = ${name.toLowerCase()}`,
        exceptId ? ne(table.id, exceptId) : undefined,
      ),
    );
  return Boolean(row);
}

async function regionOf(db: Database, groupId: string, regionId: string) {
  const [region] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.groupId, groupId), eq(regions.id, regionId)));
  return region ?? null;
}

async function presentSchool(db: Database, schoolId: string) {
  return (await createOrganisationRepository({ db }).findSchoolView(schoolId))!;
}

export async function createRegion({ db, actor, ipAddress, name }: Command & { name: string }) {
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, regions, actor.groupId, name)) throw organisationErrors.duplicateName('regions');
    const [region] = await tx.insert(regions).values({ groupId: actor.groupId, name }).returning();
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'regions.created',
        recordType: 'region',
        recordId: region!.id,
        summary: `Created region ${name}`,
      },
    );
    return { id: region!.id, name: region!.name };
  });
}

export async function renameRegion({
  db,
  actor,
  ipAddress,
  regionId,
  name,
}: Command & { regionId: string; name: string }) {
  return db.transaction(async (tx) => {
    const region = await regionOf(tx, actor.groupId, regionId);
    if (!region) throw organisationErrors.regionNotFound();
    if (await nameTaken(tx, regions, actor.groupId, name, regionId))
      throw organisationErrors.duplicateName('regions');
    await tx.update(regions).set({ name }).where(eq(regions.id, regionId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'regions.renamed',
        recordType: 'region',
        recordId: regionId,
        summary: `Renamed region ${region.name} to ${name}`,
        changes: { name: { from: region.name, to: name } },
      },
    );
    return { id: regionId, name };
  });
}

async function checkSchool(tx: Database, groupId: string, school: Partial<SchoolBody>, exceptId?: string) {
  if (school.regionId && !(await regionOf(tx, groupId, school.regionId)))
    throw organisationErrors.unknownRegion();
  if (school.name && (await nameTaken(tx, schools, groupId, school.name, exceptId)))
    throw organisationErrors.duplicateName('schools');
  if (school.urn) {
    const [clash] = await tx
      .select({ id: schools.id })
      .from(schools)
      .where(
        and(
          eq(schools.groupId, groupId),
          eq(schools.urn, school.urn),
          exceptId ? ne(schools.id, exceptId) : undefined,
        ),
      );
    if (clash) throw organisationErrors.duplicateUrn();
  }
}

export async function createSchool({ db, actor, ipAddress, input }: Command & { input: SchoolBody }) {
  return db.transaction(async (tx) => {
    await checkSchool(tx, actor.groupId, input);
    const [school] = await tx
      .insert(schools)
      .values({ groupId: actor.groupId, ...input })
      .returning();
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'schools.created',
        recordType: 'school',
        recordId: school!.id,
        schoolId: school!.id,
        summary: `Created school ${input.name}${input.urn ? ` (URN ${input.urn})` : ''}`,
      },
    );
    return presentSchool(tx, school!.id);
  });
}

export async function updateSchool({
  db,
  actor,
  ipAddress,
  schoolId,
  changes,
}: Command & { schoolId: string; changes: SchoolPatch }) {
  return db.transaction(async (tx) => {
    const [school] = await tx
      .select()
      .from(schools)
      .where(and(eq(schools.groupId, actor.groupId), eq(schools.id, schoolId)));
    if (!school) throw organisationErrors.schoolNotFound();
    await checkSchool(tx, actor.groupId, changes, schoolId);
    await tx.update(schools).set(changes).where(eq(schools.id, schoolId));
    const changed = diff(school, changes);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'schools.updated',
        recordType: 'school',
        recordId: schoolId,
        schoolId,
        summary: `Updated school ${changes.name ?? school.name}: ${Object.keys(changed).join(', ') || 'no change'}`,
        changes: changed,
      },
    );
    return presentSchool(tx, schoolId);
  });
}
