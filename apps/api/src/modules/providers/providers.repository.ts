import { and, asc, desc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import { containsPattern } from '../../lib/search.ts';
import { providersErrors } from './providers.errors.ts';
import {
  providerDecisions,
  providerDocuments,
  providerInsurance,
  providerSlas,
  providers,
} from './providers.table.ts';

export type ProvidersRepository = ReturnType<typeof createProvidersRepository>;

export function createProvidersRepository({ db }: { db: Database }) {
  async function find(groupId: string, providerId: string) {
    const [provider] = await db
      .select()
      .from(providers)
      .where(and(eq(providers.groupId, groupId), eq(providers.id, providerId)));
    return provider ?? null;
  }
  return {
    list(
      groupId: string,
      filters: { search?: string | undefined; settingType?: string | undefined },
      sort: 'name' | 'updated',
    ) {
      return db
        .select()
        .from(providers)
        .where(
          and(
            eq(providers.groupId, groupId),
            filters.settingType ? eq(providers.settingType, filters.settingType as never) : undefined,
            filters.search
              ? or(
                  ilike(providers.name, containsPattern(filters.search)),
                  ilike(providers.town, containsPattern(filters.search)),
                  ilike(providers.postcode, containsPattern(filters.search)),
                )
              : undefined,
          ),
        )
        .orderBy(sort === 'updated' ? desc(providers.updatedAt) : asc(providers.name), asc(providers.id));
    },

    find,

    /** The provider, or the 404 every route about a provider gives for one outside the group. */
    async get(groupId: string, providerId: string) {
      const provider = await find(groupId, providerId);
      if (!provider) throw providersErrors.notFound();
      return provider;
    },

    async nameTaken(groupId: string, name: string, exceptId?: string) {
      const [row] = await db
        .select({ id: providers.id })
        .from(providers)
        .where(
          and(
            eq(providers.groupId, groupId),
            sql`lower(${providers.name}) = ${name.toLowerCase()}`,
            exceptId ? ne(providers.id, exceptId) : undefined,
          ),
        );
      return Boolean(row);
    },

    async insert(values: typeof providers.$inferInsert) {
      const [created] = await db.insert(providers).values(values).returning();
      return created!;
    },

    async update(providerId: string, values: Partial<typeof providers.$inferInsert>) {
      const [updated] = await db
        .update(providers)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(providers.id, providerId))
        .returning();
      return updated!;
    },
  };
}

/** The names of those of `ids` that are providers of the group (role scopes name them). */
export function providerNames(db: Database, groupId: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .where(and(eq(providers.groupId, groupId), inArray(providers.id, [...ids])));
}

/** The names of the providers with these ids (ids already read within the caller's reach). */
export function providerNamesById(db: Database, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .where(inArray(providers.id, [...ids]));
}

/** The name of the provider whose id is in `providerId`, as a column of another feature's query. */
export const providerNameOf = (providerId: AnyPgColumn) =>
  sql<string>`(select ${providers.name} from ${providers} where ${providers.id} = ${providerId})`;

/** The agreed return times from each provider's current SLA; 10:00 and 14:00 when none is recorded. */
export async function dueTimesOf(db: Database, providerIds: string[]) {
  const slas = providerIds.length
    ? await db
        .selectDistinctOn([providerSlas.providerId], {
          providerId: providerSlas.providerId,
          am: providerSlas.attendanceAmBy,
          pm: providerSlas.attendancePmBy,
        })
        .from(providerSlas)
        .where(inArray(providerSlas.providerId, providerIds))
        .orderBy(providerSlas.providerId, desc(providerSlas.recordedAt))
    : [];
  const byProvider = new Map(slas.map((s) => [s.providerId, { am: s.am, pm: s.pm }]));
  return (providerId: string) => byProvider.get(providerId) ?? { am: '10:00', pm: '14:00' };
}

/** What decides whether each provider is a registered school (dual registration, code D). */
export function providerRegistrations(db: Database, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: providers.id, settingType: providers.settingType, dfeNumber: providers.dfeNumber })
    .from(providers)
    .where(inArray(providers.id, [...ids]));
}

/** The providers with these ids, by id (ids already read within the caller's reach). */
export async function providersById(db: Database, ids: readonly string[]) {
  if (!ids.length) return new Map<string, typeof providers.$inferSelect>();
  const rows = await db
    .select()
    .from(providers)
    .where(inArray(providers.id, [...new Set(ids)]));
  return new Map(rows.map((p) => [p.id, p]));
}

/** Every provider of the trust, id and name, by name. */
export function providersOfGroup(db: Database, groupId: string) {
  return db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .where(eq(providers.groupId, groupId))
    .orderBy(asc(providers.name));
}

/** The day each provider's latest safeguarding letter was received (its date, else the upload's). */
export function safeguardingLetterDates(db: Database, providerIds: readonly string[]) {
  if (!providerIds.length) return Promise.resolve([] as { providerId: string; on: string }[]);
  return db
    .select({
      providerId: providerDocuments.providerId,
      on: sql<string>`max(coalesce(${providerDocuments.documentDate}, (${providerDocuments.uploadedAt} at time zone 'Europe/London')::date))::text`,
    })
    .from(providerDocuments)
    .where(
      and(
        inArray(providerDocuments.providerId, [...providerIds]),
        eq(providerDocuments.kind, 'safeguarding_letter'),
      ),
    )
    .groupBy(providerDocuments.providerId);
}

/** The day each provider was last approved or reinstated (London date). */
export function lastApprovalDates(db: Database, providerIds: readonly string[]) {
  if (!providerIds.length) return Promise.resolve([] as { providerId: string; on: string }[]);
  return db
    .select({
      providerId: providerDecisions.providerId,
      on: sql<string>`max((${providerDecisions.decidedAt} at time zone 'Europe/London')::date)::text`,
    })
    .from(providerDecisions)
    .where(
      and(
        inArray(providerDecisions.providerId, [...providerIds]),
        inArray(providerDecisions.kind, ['approved', 'reinstated']),
      ),
    )
    .groupBy(providerDecisions.providerId);
}

/** Every insurance policy recorded for these providers. */
export function insuranceOf(db: Database, providerIds: readonly string[]) {
  if (!providerIds.length) return Promise.resolve([] as (typeof providerInsurance.$inferSelect)[]);
  return db
    .select()
    .from(providerInsurance)
    .where(inArray(providerInsurance.providerId, [...providerIds]));
}
