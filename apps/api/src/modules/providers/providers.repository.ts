import { and, asc, desc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { containsPattern } from '../../lib/search.ts';
import { providers } from './providers.table.ts';

export type ProvidersRepository = ReturnType<typeof createProvidersRepository>;

export function createProvidersRepository({ db }: { db: Database }) {
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

    async find(groupId: string, providerId: string) {
      const [provider] = await db
        .select()
        .from(providers)
        .where(and(eq(providers.groupId, groupId), eq(providers.id, providerId)));
      return provider ?? null;
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
