/** Managing who can use Waymark and in which role and place (trust administrators). */
import { type RoleAssignmentInput, roles } from '@waymark/domain';
import type { CreateUserBody } from '@waymark/domain/contracts/users';
import { type Database, isUniqueViolation } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { type AuditContext, diff, recordAudit } from '../../lib/audit-log.ts';
import type { PageQuery } from '../../lib/pagination.ts';
import { hashPassword } from '../../lib/passwords.ts';
import type { Reading } from '../../lib/use-case.ts';
import { createAuthRepository } from '../auth/auth.repository.ts';
import { createOrganisationRepository } from '../organisation/organisation.repository.ts';
import { usersErrors } from './users.errors.ts';
import { presentUser } from './users.presenter.ts';
import { createUsersRepository, type UserFilters } from './users.repository.ts';

type Command = { db: Database; actor: Actor; ipAddress: string | null };

async function present(db: Database, groupId: string, userRows: { id: string }[]) {
  const repository = createUsersRepository({ db });
  const assignments = await repository.assignmentsOf(userRows.map((u) => u.id));
  const names = await createOrganisationRepository({ db }).scopeNames(groupId, [
    ...new Set(assignments.map((a) => a.scopeId)),
  ]);
  return { assignments, names };
}

export async function listUsers({
  db,
  actor,
  filters,
  page,
}: Reading & { filters: UserFilters; page: PageQuery }) {
  const { rows, total } = await createUsersRepository({ db }).listInReach(
    actor,
    reachOf(actor, 'users.read'),
    filters,
    page,
  );
  const { assignments, names } = await present(db, actor.groupId, rows);
  return { users: rows.map((u) => presentUser(u, assignments, names)), pageInfo: { ...page, total } };
}

export async function getUser({ db, actor, userId }: { db: Database; actor: Actor; userId: string }) {
  const user = await createUsersRepository({ db }).findInReach(actor, reachOf(actor, 'users.read'), userId);
  if (!user) throw usersErrors.notFound();
  const { assignments, names } = await present(db, actor.groupId, [user]);
  return presentUser(user, assignments, names);
}

async function checkScopes(
  db: Database,
  groupId: string,
  assignments: RoleAssignmentInput[],
  pathOf: (index: number) => string,
) {
  const organisation = createOrganisationRepository({ db });
  for (const [index, assignment] of assignments.entries()) {
    if (!(await organisation.scopeExists(groupId, assignment.scopeType, assignment.scopeId))) {
      throw usersErrors.unknownScope(pathOf(index));
    }
  }
}

function describeAssignment(a: RoleAssignmentInput, names: Map<string, string>) {
  return `${roles[a.role].label} at ${names.get(a.scopeId) ?? a.scopeType}`;
}

export async function createUser({ db, actor, ipAddress, input }: Command & { input: CreateUserBody }) {
  await checkScopes(db, actor.groupId, input.assignments, (index) => `assignments.${index}.scopeId`);
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction(async (tx) => {
    const repository = createUsersRepository({ db: tx });
    if (await repository.emailTaken(input.email)) throw usersErrors.emailTaken();
    // Checked above for a clear answer; the unique index still decides when two requests race.
    const user = await repository
      .insert({ groupId: actor.groupId, email: input.email, displayName: input.displayName, passwordHash })
      .catch((error) => {
        throw isUniqueViolation(error, 'users_email_unique') ? usersErrors.emailTaken() : error;
      });
    for (const assignment of input.assignments)
      await repository.insertAssignment({ userId: user.id, ...assignment });
    const names = await createOrganisationRepository({ db: tx }).scopeNames(
      actor.groupId,
      input.assignments.map((a) => a.scopeId),
    );
    const roleList = input.assignments.map((a) => describeAssignment(a, names)).join('; ') || 'no roles yet';
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'users.created',
        recordType: 'user',
        recordId: user.id,
        summary: `Created user ${user.displayName} <${user.email}> with ${roleList}`,
      },
    );
    return user.id;
  });
  return getUser({ db, actor, userId });
}

export async function updateUser({
  db,
  actor,
  ipAddress,
  userId,
  changes,
}: Command & {
  userId: string;
  changes: { displayName?: string | undefined; isActive?: boolean | undefined };
}) {
  await db.transaction(async (tx) => {
    const repository = createUsersRepository({ db: tx });
    const user = await repository.findInReach(actor, reachOf(actor, 'users.manage'), userId);
    if (!user) throw usersErrors.notFound();
    if (changes.isActive === false && userId === actor.userId) throw usersErrors.cannotDeactivateSelf();
    const updated = await repository.update(userId, changes);
    if (changes.isActive === false) {
      await createAuthRepository({ db: tx }).deleteSessionsOfUser(userId);
      if ((await repository.countActiveTrustAdmins(actor.groupId)) === 0)
        throw usersErrors.lastAdministrator();
    }
    const changed = diff(user, changes);
    const context: AuditContext = { actor, ipAddress };
    await recordAudit(tx, context, {
      action: changes.isActive === false ? 'users.deactivated' : 'users.updated',
      recordType: 'user',
      recordId: userId,
      summary: `Updated user ${updated.displayName}: ${Object.keys(changed).join(', ') || 'no change'}`,
      changes: changed,
    });
  });
  return getUser({ db, actor, userId });
}

export async function addAssignment({
  db,
  actor,
  ipAddress,
  userId,
  assignment,
}: Command & { userId: string; assignment: RoleAssignmentInput }) {
  await checkScopes(db, actor.groupId, [assignment], () => 'scopeId');
  await db.transaction(async (tx) => {
    const repository = createUsersRepository({ db: tx });
    const user = await repository.findInReach(actor, reachOf(actor, 'users.manage'), userId);
    if (!user) throw usersErrors.notFound();
    const created = await repository.insertAssignment({ userId, ...assignment });
    if (!created) throw usersErrors.duplicateAssignment();
    const names = await createOrganisationRepository({ db: tx }).scopeNames(actor.groupId, [
      assignment.scopeId,
    ]);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'users.role_assigned',
        recordType: 'user',
        recordId: userId,
        schoolId: assignment.scopeType === 'school' ? assignment.scopeId : null,
        summary: `Gave ${user.displayName} the role ${describeAssignment(assignment, names)}`,
      },
    );
  });
  return getUser({ db, actor, userId });
}

export async function removeAssignment({
  db,
  actor,
  ipAddress,
  userId,
  assignmentId,
}: Command & { userId: string; assignmentId: string }) {
  await db.transaction(async (tx) => {
    const repository = createUsersRepository({ db: tx });
    const user = await repository.findInReach(actor, reachOf(actor, 'users.manage'), userId);
    if (!user) throw usersErrors.notFound();
    const removed = await repository.deleteAssignment(userId, assignmentId);
    if (!removed) throw usersErrors.assignmentNotFound();
    if (removed.role === 'trust_admin' && (await repository.countActiveTrustAdmins(actor.groupId)) === 0) {
      throw usersErrors.lastAdministrator();
    }
    const names = await createOrganisationRepository({ db: tx }).scopeNames(actor.groupId, [removed.scopeId]);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'users.role_removed',
        recordType: 'user',
        recordId: userId,
        schoolId: removed.scopeType === 'school' ? removed.scopeId : null,
        summary: `Removed the role ${describeAssignment(removed, names)} from ${user.displayName}`,
      },
    );
  });
  return getUser({ db, actor, userId });
}

/** Sets a new password chosen by the administrator, unlocks the account and ends the user's sessions. */
export async function resetPassword({
  db,
  actor,
  ipAddress,
  userId,
  password,
}: Command & { userId: string; password: string }) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const repository = createUsersRepository({ db: tx });
    const user = await repository.findInReach(actor, reachOf(actor, 'users.manage'), userId);
    if (!user) throw usersErrors.notFound();
    await repository.update(userId, { passwordHash });
    const auth = createAuthRepository({ db: tx });
    await auth.deleteSessionsOfUser(userId);
    await auth.clearThrottle(user.email);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'users.password_reset',
        recordType: 'user',
        recordId: userId,
        summary: `Reset the password of ${user.displayName}, unlocked the account and ended their sessions`,
      },
    );
  });
}

export async function endSessionsOf({ db, actor, ipAddress, userId }: Command & { userId: string }) {
  return db.transaction(async (tx) => {
    const user = await createUsersRepository({ db: tx }).findInReach(
      actor,
      reachOf(actor, 'users.manage'),
      userId,
    );
    if (!user) throw usersErrors.notFound();
    const auth = createAuthRepository({ db: tx });
    const endedSessions = await auth.deleteSessionsOfUser(userId);
    await auth.clearThrottle(user.email);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'users.signed_out_everywhere',
        recordType: 'user',
        recordId: userId,
        summary: `Signed ${user.displayName} out of every device (${endedSessions} sessions ended) and cleared any lockout`,
      },
    );
    return { endedSessions };
  });
}
