/** Who is told about something at a school: active users holding a role whose scope covers it. */
import type { RoleName } from '@waymark/domain';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { schoolById } from '../organisation/organisation.repository.ts';
import { roleAssignments, users } from '../users/users.table.ts';

export async function peopleWithRoleAt(db: Database, schoolId: string, roles: RoleName[]) {
  const school = await schoolById(db, schoolId);
  if (!school) return [];
  return db
    .selectDistinct({ userId: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(users.groupId, school.groupId),
        eq(users.isActive, true),
        inArray(roleAssignments.role, roles),
        or(
          and(eq(roleAssignments.scopeType, 'school'), eq(roleAssignments.scopeId, school.id)),
          and(eq(roleAssignments.scopeType, 'region'), eq(roleAssignments.scopeId, school.regionId)),
          and(eq(roleAssignments.scopeType, 'group'), eq(roleAssignments.scopeId, school.groupId)),
        ),
      ),
    );
}
