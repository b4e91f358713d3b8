import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { roleAssignments, users } from '../users/users.table.ts';
import { sessions, signInThrottles } from './auth.table.ts';

export type AuthRepository = ReturnType<typeof createAuthRepository>;

export function createAuthRepository({ db }: { db: Database }) {
  return {
    async findActiveUserByEmail(email: string) {
      const [user] = await db
        .select()
        .from(users)
        .where(and(eq(users.email, email), eq(users.isActive, true)));
      return user ?? null;
    },

    async findSessionWithUser(tokenHash: string) {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash));
      return row ?? null;
    },

    findAssignments(userId: string) {
      return db
        .select({
          id: roleAssignments.id,
          role: roleAssignments.role,
          scopeType: roleAssignments.scopeType,
          scopeId: roleAssignments.scopeId,
        })
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, userId))
        .orderBy(roleAssignments.createdAt);
    },

    async createSession(session: typeof sessions.$inferInsert) {
      await db.insert(sessions).values(session);
    },

    async touchSession(tokenHash: string, at: Date) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
    },

    async replaceCsrf(tokenHash: string, csrfHash: string) {
      await db.update(sessions).set({ csrfHash }).where(eq(sessions.tokenHash, tokenHash));
    },

    async deleteSession(tokenHash: string) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    /** Ends every session of the user, optionally keeping the one making the request. */
    async deleteSessionsOfUser(userId: string, keepTokenHash?: string) {
      const deleted = await db
        .delete(sessions)
        .where(
          and(eq(sessions.userId, userId), keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined),
        )
        .returning({ tokenHash: sessions.tokenHash });
      return deleted.length;
    },

    async findThrottle(email: string) {
      const [row] = await db.select().from(signInThrottles).where(eq(signInThrottles.email, email));
      return row ?? null;
    },

    /** Counts a failure and locks the address once it reaches the limit; returns the new state. */
    async recordFailure(email: string, at: Date, limits: { maxFailures: number; lockMinutes: number }) {
      const lockUntil = new Date(at.getTime() + limits.lockMinutes * 60_000);
      const [row] = await db
        .insert(signInThrottles)
        .values({ email, failures: 1, lastFailureAt: at })
        .onConflictDoUpdate({
          target: signInThrottles.email,
          set: {
            failures: sql`${signInThrottles.failures} + 1`,
            lastFailureAt: at,
            lockedUntil: sql`case when ${signInThrottles.failures} + 1 >= ${limits.maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${signInThrottles.lockedUntil} end`,
          },
        })
        .returning();
      return row!;
    },

    async clearThrottle(email: string) {
      await db.delete(signInThrottles).where(eq(signInThrottles.email, email));
    },
  };
}
