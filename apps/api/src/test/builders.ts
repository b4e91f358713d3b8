/**
 * Test data builders: each fills in whatever its record needs (a school gets a group and a region),
 * writing through the same tables the app uses.
 */
import { randomUUID } from 'node:crypto';
import type { RoleName, ScopeType } from '@waymark/domain';
import type { Database } from '../db/client.ts';
import { hashPassword } from '../lib/passwords.ts';
import { createCalendarRepository } from '../modules/calendar/calendar.repository.ts';
import { demoTermDates } from '../modules/demo/demo-trust.ts';
import { groups, regions, schools } from '../modules/organisation/organisation.table.ts';
import { providers } from '../modules/providers/providers.table.ts';
import { roleAssignments, users } from '../modules/users/users.table.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export async function buildGroup(db: Database, values: { name?: string } = {}) {
  const [group] = await db
    .insert(groups)
    .values({ name: values.name ?? 'Test Trust' })
    .returning();
  return group!;
}

export async function buildRegion(db: Database, values: { groupId?: string; name?: string } = {}) {
  const groupId = values.groupId ?? (await buildGroup(db)).id;
  const [region] = await db
    .insert(regions)
    .values({ groupId, name: values.name ?? 'Test Region' })
    .returning();
  return region!;
}

export async function buildSchool(
  db: Database,
  values: { groupId?: string; regionId?: string; name?: string; withTermDates?: boolean } = {},
) {
  const region = values.regionId
    ? { id: values.regionId, groupId: values.groupId! }
    : await buildRegion(db, { groupId: values.groupId });
  const [school] = await db
    .insert(schools)
    .values({
      groupId: region.groupId,
      regionId: region.id,
      name: values.name ?? `School ${randomUUID().slice(0, 6)}`,
    })
    .returning();
  if (values.withTermDates !== false) {
    const calendar = createCalendarRepository({ db });
    for (const year of demoTermDates) {
      await calendar.replaceYear(
        school!.id,
        year.halfTerms[0]!.academicYear,
        year.halfTerms,
        year.closureDays,
      );
    }
  }
  return school!;
}

export async function buildProvider(db: Database, values: { groupId: string; name?: string }) {
  const [provider] = await db
    .insert(providers)
    .values({ groupId: values.groupId, name: values.name ?? 'Test Provider' })
    .returning();
  return provider!;
}

export async function buildUser(
  db: Database,
  values: {
    groupId: string;
    email?: string;
    displayName?: string;
    isActive?: boolean;
    roles?: { role: RoleName; scopeType: ScopeType; scopeId: string }[];
  },
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      groupId: values.groupId,
      email: values.email ?? `user-${randomUUID().slice(0, 8)}@school.example`,
      displayName: values.displayName ?? 'Test User',
      passwordHash: await passwordHash,
      isActive: values.isActive ?? true,
    })
    .returning();
  for (const role of values.roles ?? [])
    await db.insert(roleAssignments).values({ userId: user!.id, ...role });
  return user!;
}

/** A group with two regions, a school in each, a provider, and a trust administrator. */
export async function buildTrust(db: Database) {
  const group = await buildGroup(db);
  const north = await buildRegion(db, { groupId: group.id, name: 'North' });
  const south = await buildRegion(db, { groupId: group.id, name: 'South' });
  const schoolA = await buildSchool(db, { groupId: group.id, regionId: north.id, name: 'Alder School' });
  const schoolB = await buildSchool(db, { groupId: group.id, regionId: south.id, name: 'Birch School' });
  const provider = await buildProvider(db, { groupId: group.id, name: 'Cedar Provision' });
  const admin = await buildUser(db, {
    groupId: group.id,
    email: `admin-${randomUUID().slice(0, 8)}@trust.example`,
    displayName: 'Ada Admin',
    roles: [{ role: 'trust_admin', scopeType: 'group', scopeId: group.id }],
  });
  return { group, north, south, schoolA, schoolB, provider, admin };
}
