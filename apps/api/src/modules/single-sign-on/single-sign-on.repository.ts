import { and, eq, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { activeUserInGroupByEmail } from '../users/users.repository.ts';
import { signInProviders, singleSignOnAttempts } from './single-sign-on.table.ts';

export function createSingleSignOnRepository(db: Database) {
  return {
    async enabledProviderForDomain(domain: string) {
      const [row] = await db
        .select()
        .from(signInProviders)
        .where(
          and(sql`${domain} = any(${signInProviders.emailDomains})`, eq(signInProviders.isEnabled, true)),
        );
      return row ?? null;
    },

    async providerById(id: string) {
      const [row] = await db.select().from(signInProviders).where(eq(signInProviders.id, id));
      return row ?? null;
    },

    providersOfGroup(groupId: string) {
      return db
        .select()
        .from(signInProviders)
        .where(eq(signInProviders.groupId, groupId))
        .orderBy(signInProviders.name);
    },

    /** Domains of `domains` already routed to another provider, in any group. */
    async domainsTaken(domains: string[], exceptProviderId?: string) {
      if (!domains.length) return [];
      const rows = await db
        .select({ domains: signInProviders.emailDomains })
        .from(signInProviders)
        .where(
          and(
            // Domains never hold a comma (the schema checks), so a joined list is safe to split here.
            sql`${signInProviders.emailDomains} && string_to_array(${domains.join(',')}, ',')`,
            exceptProviderId ? ne(signInProviders.id, exceptProviderId) : undefined,
          ),
        );
      const taken = new Set(rows.flatMap((r) => r.domains));
      return domains.filter((d) => taken.has(d));
    },

    /** Takes the attempt out as it is read, so a callback can be used once only. */
    async takeAttempt(tokenHash: string) {
      const [row] = await db
        .delete(singleSignOnAttempts)
        .where(eq(singleSignOnAttempts.tokenHash, tokenHash))
        .returning();
      return row ?? null;
    },

    async saveAttempt(attempt: typeof singleSignOnAttempts.$inferInsert, now: Date) {
      // Abandoned attempts (the person closed the tab at the provider) are cleared as new ones start.
      await db.delete(singleSignOnAttempts).where(lte(singleSignOnAttempts.expiresAt, now));
      await db.insert(singleSignOnAttempts).values(attempt);
    },

    activeUserInGroup(email: string, groupId: string) {
      return activeUserInGroupByEmail(db, email, groupId);
    },
  };
}
