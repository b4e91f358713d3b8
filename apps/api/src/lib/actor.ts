/**
 * The signed-in user making a request, with their role assignments, and the scope each permission
 * reaches. Scope is resolved to ids here and applied in SQL by repositories (see lib/scope.ts).
 */
import { type Permission, type RoleName, roleHasPermission, type ScopeType } from '@waymark/domain';

export interface RoleAssignment {
  id: string;
  role: RoleName;
  scopeType: ScopeType;
  scopeId: string;
}

export interface Actor {
  userId: string;
  groupId: string;
  email: string;
  displayName: string;
  sessionTokenHash: string;
  assignments: RoleAssignment[];
}

export interface Reach {
  /** The whole group: every school and provider in it. */
  wholeGroup: boolean;
  regionIds: string[];
  schoolIds: string[];
  providerIds: string[];
}

export function reachOf(actor: Actor, permission: Permission): Reach {
  const reach: Reach = { wholeGroup: false, regionIds: [], schoolIds: [], providerIds: [] };
  for (const assignment of actor.assignments) {
    if (!roleHasPermission(assignment.role, permission)) continue;
    if (assignment.scopeType === 'group') reach.wholeGroup ||= assignment.scopeId === actor.groupId;
    else if (assignment.scopeType === 'region') reach.regionIds.push(assignment.scopeId);
    else if (assignment.scopeType === 'school') reach.schoolIds.push(assignment.scopeId);
    else reach.providerIds.push(assignment.scopeId);
  }
  return reach;
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.assignments.some((a) => roleHasPermission(a.role, permission));
}

/**
 * The same person seen from one school only: each assignment that covers the school becomes an
 * assignment at it, the rest are dropped. A report about one school then reads one school's records,
 * never more than the person could already see (a region's role counts only if the school is in it).
 */
export function actorAtSchool(actor: Actor, school: { id: string; regionId: string }): Actor {
  return {
    ...actor,
    assignments: actor.assignments.flatMap((a) => {
      const covers =
        (a.scopeType === 'group' && a.scopeId === actor.groupId) ||
        (a.scopeType === 'region' && a.scopeId === school.regionId) ||
        (a.scopeType === 'school' && a.scopeId === school.id);
      return covers ? [{ ...a, scopeType: 'school' as const, scopeId: school.id }] : [];
    }),
  };
}
