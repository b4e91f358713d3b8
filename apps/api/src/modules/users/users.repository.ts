import type { RoleName, ScopeType } from '@waymark/domain';
import { and, asc, count, eq, exists, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor, Reach } from '../../lib/actor.ts';
import { offsetOf, type PageQuery } from '../../lib/pagination.ts';
import { containsPattern } from '../../lib/search.ts';
import { schoolsInReach } from '../organisation/scope.ts';
import { roleAssignments, users } from './users.table.ts';

export type UsersRepository = ReturnType<typeof createUsersRepository>;

export interface UserFilters {
  search?: string | undefined;
  role?: string | undefined;
  schoolId?: string | undefined;
}

export function createUsersRepository({ db }: { db: Database }) {
  /**
   * Users the reach covers: everyone in the group for a group-wide reach, otherwise users holding
   * a role at one of the schools in reach.
   */
  function inReach(actor: Actor, reach: Reach): SQL {
    const inGroup = eq(users.groupId, actor.groupId);
    if (reach.wholeGroup) return inGroup;
    const atSchoolInReach = db
      .select({ one: sql`1` })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, users.id),
          eq(roleAssignments.scopeType, 'school'),
          inArray(roleAssignments.scopeId, schoolsInReach(db, actor, reach)),
        ),
      );
    return and(inGroup, exists(atSchoolInReach))!;
  }

  function matching(filters: UserFilters): SQL[] {
    const conditions: SQL[] = [];
    if (filters.search) {
      const pattern = containsPattern(filters.search);
      conditions.push(or(ilike(users.displayName, pattern), ilike(users.email, pattern))!);
    }
    if (filters.role || filters.schoolId) {
      const assignment = and(
        eq(roleAssignments.userId, users.id),
        filters.role ? eq(roleAssignments.role, filters.role as never) : undefined,
        filters.schoolId
          ? and(eq(roleAssignments.scopeType, 'school'), eq(roleAssignments.scopeId, filters.schoolId))
          : undefined,
      );
      conditions.push(exists(db.select({ one: sql`1` }).from(roleAssignments).where(assignment)));
    }
    return conditions;
  }

  return {
    async listInReach(actor: Actor, reach: Reach, filters: UserFilters, page: PageQuery) {
      const where = and(inReach(actor, reach), ...matching(filters));
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(users)
          .where(where)
          .orderBy(asc(users.displayName), asc(users.id))
          .limit(page.pageSize)
          .offset(offsetOf(page)),
        db.select({ value: count() }).from(users).where(where),
      ]);
      return { rows, total: total?.value ?? 0 };
    },

    async findInReach(actor: Actor, reach: Reach, userId: string) {
      const [user] = await db
        .select()
        .from(users)
        .where(and(inReach(actor, reach), eq(users.id, userId)));
      return user ?? null;
    },

    async findById(groupId: string, userId: string) {
      const [user] = await db
        .select()
        .from(users)
        .where(and(eq(users.groupId, groupId), eq(users.id, userId)));
      return user ?? null;
    },

    async emailTaken(email: string) {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
      return Boolean(row);
    },

    assignmentsOf(userIds: string[]) {
      if (!userIds.length) return Promise.resolve([]);
      return db
        .select()
        .from(roleAssignments)
        .where(inArray(roleAssignments.userId, userIds))
        .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id));
    },

    async insert(user: typeof users.$inferInsert) {
      const [created] = await db.insert(users).values(user).returning();
      return created!;
    },

    async update(
      userId: string,
      changes: Partial<Pick<typeof users.$inferInsert, 'displayName' | 'isActive' | 'passwordHash'>>,
    ) {
      const [updated] = await db
        .update(users)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(users.id, userId))
        .returning();
      return updated!;
    },

    async insertAssignment(assignment: typeof roleAssignments.$inferInsert) {
      const [created] = await db.insert(roleAssignments).values(assignment).onConflictDoNothing().returning();
      return created ?? null;
    },

    async deleteAssignment(userId: string, assignmentId: string) {
      const [deleted] = await db
        .delete(roleAssignments)
        .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.id, assignmentId)))
        .returning();
      return deleted ?? null;
    },

    async countActiveTrustAdmins(groupId: string) {
      const [row] = await db
        .select({ value: count() })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(
          and(eq(users.groupId, groupId), eq(users.isActive, true), eq(roleAssignments.role, 'trust_admin')),
        );
      return row?.value ?? 0;
    },
  };
}

/*
 * The users feature's front door for other features: who to tell. Every read returns active people
 * only, each once, as { userId, email, displayName }.
 */

export interface PeopleWithRole {
  roles: readonly RoleName[];
  /** Only people of this trust (a provider's staff are found by the provider alone). */
  groupId?: string;
  /** Only where the role is held over one of these; otherwise wherever it is held. */
  scopes?: readonly { type: ScopeType; id: string }[];
}

/** Active people holding one of the roles, optionally over one of the given scopes. */
export function activePeopleWithRole(db: Database, { roles, groupId, scopes }: PeopleWithRole) {
  if (!roles.length || scopes?.length === 0) return Promise.resolve([]);
  return db
    .selectDistinct({ userId: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        groupId ? eq(users.groupId, groupId) : undefined,
        eq(users.isActive, true),
        inArray(roleAssignments.role, [...roles]),
        scopes
          ? or(
              ...scopes.map((s) =>
                and(eq(roleAssignments.scopeType, s.type), eq(roleAssignments.scopeId, s.id)),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

/** Email addresses and names of people by id (for messages already addressed to them). */
export function contactsOf(db: Database, userIds: readonly string[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      isActive: users.isActive,
    })
    .from(users)
    .where(inArray(users.id, [...userIds]));
}

/* Sign-in, single sign-on, invitations and calendar feeds find people through these. */

export type UserRecord = typeof users.$inferSelect;

/** The active account with this email (emails are stored as entered and unique case-insensitively). */
export async function activeUserByEmail(db: Database, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, email), eq(users.isActive, true)));
  return user ?? null;
}

/** The active account in this trust with this email, matched without regard to case. */
export async function activeUserInGroupByEmail(db: Database, email: string, groupId: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, eq(users.groupId, groupId), eq(users.isActive, true)));
  return user ?? null;
}

/** A person by id, active or not. */
export async function userById(db: Database, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user ?? null;
}

/** A person's role assignments, oldest first: what their actor's reach is built from. */
export function roleAssignmentsOf(db: Database, userId: string) {
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
}

/** A provider's portal accounts (provider staff) in this trust, by name, with whether each has a password. */
export function providerStaffOf(db: Database, groupId: string, providerId: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      isActive: users.isActive,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .innerJoin(
      roleAssignments,
      and(
        eq(roleAssignments.userId, users.id),
        eq(roleAssignments.role, 'provider_staff'),
        eq(roleAssignments.scopeType, 'provider'),
        eq(roleAssignments.scopeId, providerId),
      ),
    )
    .where(eq(users.groupId, groupId))
    .orderBy(asc(users.displayName));
}
