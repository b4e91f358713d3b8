/** Creates the demo trust (see demo-trust.ts) once; running it again changes nothing. */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { createCalendarRepository } from '../calendar/calendar.repository.ts';
import { groups, providers, regions, schools } from '../organisation/organisation.table.ts';
import { roleAssignments, users } from '../users/users.table.ts';
import {
  DEMO_GROUP_NAME,
  DEMO_PASSWORD,
  demoProviders,
  demoRegions,
  demoSchools,
  demoTermDates,
  demoUsers,
} from './demo-trust.ts';

export interface DemoSignIn {
  email: string;
  password: string;
  role: string;
  where: string;
}

export async function seedDemoTrust(db: Database): Promise<{ created: boolean; signIns: DemoSignIn[] }> {
  const signIns = demoUsers.map((u) => ({
    email: u.email,
    password: DEMO_PASSWORD,
    role: u.role,
    where:
      u.scope.key === 'group'
        ? DEMO_GROUP_NAME
        : (demoSchools.find((s) => s.key === u.scope.key)?.name ??
          demoProviders.find((p) => p.key === u.scope.key)?.name ??
          u.scope.key),
  }));
  const [existing] = await db.select({ id: groups.id }).from(groups).where(eq(groups.name, DEMO_GROUP_NAME));
  if (existing) return { created: false, signIns };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [group] = await tx.insert(groups).values({ name: DEMO_GROUP_NAME }).returning();
    const ids = new Map<string, string>([['group', group!.id]]);
    for (const name of demoRegions) {
      const [region] = await tx.insert(regions).values({ groupId: group!.id, name }).returning();
      ids.set(name, region!.id);
    }
    const calendar = createCalendarRepository({ db: tx });
    for (const school of demoSchools) {
      const [row] = await tx
        .insert(schools)
        .values({
          groupId: group!.id,
          regionId: ids.get(school.region)!,
          name: school.name,
          urn: school.urn,
          localAuthority: school.localAuthority,
        })
        .returning();
      ids.set(school.key, row!.id);
      for (const year of demoTermDates) {
        await calendar.replaceYear(
          row!.id,
          year.halfTerms[0]!.academicYear,
          year.halfTerms,
          year.closureDays,
        );
      }
    }
    for (const provider of demoProviders) {
      const [row] = await tx
        .insert(providers)
        .values({ groupId: group!.id, name: provider.name })
        .returning();
      ids.set(provider.key, row!.id);
    }
    for (const demoUser of demoUsers) {
      const [user] = await tx
        .insert(users)
        .values({
          groupId: group!.id,
          email: demoUser.email,
          displayName: demoUser.displayName,
          passwordHash,
        })
        .returning();
      await tx.insert(roleAssignments).values({
        userId: user!.id,
        role: demoUser.role,
        scopeType: demoUser.scope.type,
        scopeId: ids.get(demoUser.scope.key)!,
      });
    }
    await recordAudit(
      tx,
      { actor: { userId: null, displayName: 'Waymark', groupId: group!.id } },
      {
        action: 'demo.seeded',
        recordType: 'group',
        recordId: group!.id,
        summary: `Created the demo trust ${DEMO_GROUP_NAME} with ${demoSchools.length} schools and ${demoUsers.length} users`,
      },
    );
  });
  return { created: true, signIns };
}
