import { appendix1 } from '@waymark/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { auditTemplates, providerAudits } from './audits.table.ts';

export type AuditsRepository = ReturnType<typeof createAuditsRepository>;

export function createAuditsRepository({ db }: { db: Database }) {
  async function latestTemplate(groupId: string) {
    const [row] = await db
      .select()
      .from(auditTemplates)
      .where(eq(auditTemplates.groupId, groupId))
      .orderBy(desc(auditTemplates.version))
      .limit(1);
    return row ?? null;
  }

  return {
    latestTemplate,

    /** The group's current template; a group that has none starts on the shipped Appendix 1 (version 1). */
    async currentTemplate(groupId: string) {
      const existing = await latestTemplate(groupId);
      if (existing) return existing;
      await db
        .insert(auditTemplates)
        .values({ groupId, version: 1, template: appendix1, notes: 'Appendix 1 as shipped with Waymark' })
        .onConflictDoNothing();
      return (await latestTemplate(groupId))!;
    },

    listTemplates(groupId: string) {
      return db
        .select()
        .from(auditTemplates)
        .where(eq(auditTemplates.groupId, groupId))
        .orderBy(desc(auditTemplates.version));
    },

    async insertTemplate(values: typeof auditTemplates.$inferInsert) {
      const [row] = await db.insert(auditTemplates).values(values).returning();
      return row!;
    },

    listForProvider(groupId: string, providerId: string) {
      return db
        .select({ audit: providerAudits, version: auditTemplates.version })
        .from(providerAudits)
        .innerJoin(auditTemplates, eq(auditTemplates.id, providerAudits.templateId))
        .where(and(eq(providerAudits.groupId, groupId), eq(providerAudits.providerId, providerId)))
        .orderBy(desc(providerAudits.createdAt));
    },

    async find(groupId: string, auditId: string) {
      const [row] = await db
        .select({ audit: providerAudits, template: auditTemplates })
        .from(providerAudits)
        .innerJoin(auditTemplates, eq(auditTemplates.id, providerAudits.templateId))
        .where(and(eq(providerAudits.groupId, groupId), eq(providerAudits.id, auditId)));
      return row ?? null;
    },

    async insert(values: typeof providerAudits.$inferInsert) {
      const [row] = await db.insert(providerAudits).values(values).returning();
      return row!;
    },

    async update(auditId: string, values: Partial<typeof providerAudits.$inferInsert>) {
      await db
        .update(providerAudits)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(providerAudits.id, auditId));
    },
  };
}

export type ProviderAudit = typeof providerAudits.$inferSelect;

/** Each provider's latest audit, draft or submitted (the approval checklist reads its answers). */
export function latestAuditsOf(db: Database, providerIds: readonly string[]): Promise<ProviderAudit[]> {
  if (!providerIds.length) return Promise.resolve([]);
  return db
    .selectDistinctOn([providerAudits.providerId])
    .from(providerAudits)
    .where(inArray(providerAudits.providerId, [...providerIds]))
    .orderBy(providerAudits.providerId, desc(providerAudits.createdAt), desc(providerAudits.id));
}
