/** Creates the demo trust (see demo-trust.ts) once; running it again changes nothing. */
import { secondFactorRequiredFor } from '@waymark/domain';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { createAuditsRepository } from '../audits/audits.repository.ts';
import { createCalendarRepository } from '../calendar/calendar.repository.ts';
import { groups, providers, regions, schools } from '../organisation/organisation.table.ts';
import { seedPolicy } from '../policy/policy.usecases.ts';
import { secondFactors } from '../second-factor/second-factor.table.ts';
import { roleAssignments, users } from '../users/users.table.ts';
import { completeAuditAnswers, demoProviderDetails } from './demo-providers.ts';
import { seedDemoPupils } from './demo-pupils.ts';
import {
  DEMO_AUTHENTICATOR_KEY,
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

/** The advisory lock that makes seeding safe when several processes start at once. */
const DEMO_SEED_LOCK = 727_101;

export async function seedDemoTrust(
  db: Database,
  now: Date = new Date(),
): Promise<{ created: boolean; signIns: DemoSignIn[] }> {
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
  const created = await db.transaction(async (tx) => {
    // Two processes started together both get here: one waits for the other's transaction, then finds
    // the trust it made and leaves it be.
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
    const [made] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.name, DEMO_GROUP_NAME));
    if (made) return false;
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
      const { dsl, deputyDsl, ...details } = demoProviderDetails[provider.key];
      const [row] = await tx
        .insert(providers)
        .values({
          groupId: group!.id,
          name: provider.name,
          ...details,
          dslName: dsl?.name,
          dslTrainingDetails: dsl?.trainingDetails,
          dslTrainedOn: dsl?.trainedOn,
          deputyDslName: deputyDsl?.name,
          deputyDslTrainingDetails: deputyDsl?.trainingDetails,
          deputyDslTrainedOn: deputyDsl?.trainedOn,
        })
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
      if (secondFactorRequiredFor([demoUser.role]))
        await tx
          .insert(secondFactors)
          .values({ userId: user!.id, secret: DEMO_AUTHENTICATOR_KEY, confirmedAt: now });
    }
    await seedDemoAudits(tx, group!.id, ids);
    await seedPolicy(tx, group!.id, now);
    const [lead] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, demoUsers.find((u) => u.role === 'ap_lead')!.email));
    await seedDemoPupils(tx, {
      groupId: group!.id,
      schoolId: ids.get('riverside')!,
      providerId: ids.get('bridges')!,
      createdBy: lead!.id,
    });
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
    return true;
  });
  return { created, signIns };
}

/** Bridges has a submitted, suitable audit (so it awaits its letter); Greenway's audit is in progress. */
async function seedDemoAudits(tx: Database, groupId: string, ids: Map<string, string>) {
  const audits = createAuditsRepository({ db: tx });
  const template = await audits.currentTemplate(groupId);
  const apLead = demoUsers.find((u) => u.role === 'ap_lead')!;
  const [author] = await tx.select({ id: users.id }).from(users).where(eq(users.email, apLead.email));
  await audits.insert({
    groupId,
    providerId: ids.get('bridges')!,
    templateId: template.id,
    status: 'submitted',
    visitedAt: new Date('2026-10-06T09:30:00Z'),
    auditorName: apLead.displayName,
    answers: completeAuditAnswers('yes'),
    createdBy: author!.id,
    submittedAt: new Date('2026-10-06T15:00:00Z'),
    submittedBy: author!.id,
  });
  const partial = Object.fromEntries(Object.entries(completeAuditAnswers('yes')).slice(0, 20));
  await audits.insert({
    groupId,
    providerId: ids.get('greenway')!,
    templateId: template.id,
    visitedAt: new Date('2026-11-24T10:00:00Z'),
    auditorName: apLead.displayName,
    answers: partial,
    createdBy: author!.id,
  });
}
