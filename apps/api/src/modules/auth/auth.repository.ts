import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { activeUserByEmail, roleAssignmentsOf, userById } from '../users/users.repository.ts';
import { sessions, signInThrottles } from './auth.table.ts';

export type AuthRepository = ReturnType<typeof createAuthRepository>;

export function createAuthRepository({ db }: { db: Database }) {
  return {
    findActiveUserByEmail(email: string) {
      return activeUserByEmail(db, email);
    },

    /** The session and its person: two reads by primary key, the person's through the users' door. */
    async findSessionWithUser(tokenHash: string) {
      const [session] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
      const user = session ? await userById(db, session.userId) : null;
      return session && user ? { session, user } : null;
    },

    findAssignments(userId: string) {
      return roleAssignmentsOf(db, userId);
    },

    /** The session has passed its second step (its authenticator code, or enrolling one). */
    async markSecondFactorDone(tokenHash: string) {
      await db.update(sessions).set({ secondFactor: 'done' }).where(eq(sessions.tokenHash, tokenHash));
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
