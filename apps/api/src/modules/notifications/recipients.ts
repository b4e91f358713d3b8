/** Who is told about something at a school: active users holding a role whose scope covers it. */
import type { RoleName } from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import { schoolById } from '../organisation/organisation.repository.ts';
import { activePeopleWithRole } from '../users/users.repository.ts';

export async function peopleWithRoleAt(db: Database, schoolId: string, roles: RoleName[]) {
  const school = await schoolById(db, schoolId);
  if (!school) return [];
  return activePeopleWithRole(db, {
    roles,
    groupId: school.groupId,
    scopes: [
      { type: 'school', id: school.id },
      { type: 'region', id: school.regionId },
      { type: 'group', id: school.groupId },
    ],
  });
}
