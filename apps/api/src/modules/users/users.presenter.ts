import type { UserView } from '@waymark/domain/contracts/users';
import type { roleAssignments, users } from './users.table.ts';

export function presentUser(
  user: typeof users.$inferSelect,
  assignments: (typeof roleAssignments.$inferSelect)[],
  scopeNames: Map<string, string>,
): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isActive: user.isActive,
    createdAt: user.createdAt.toISOString(),
    assignments: assignments
      .filter((a) => a.userId === user.id)
      .map((a) => ({
        id: a.id,
        role: a.role,
        scopeType: a.scopeType,
        scopeId: a.scopeId,
        scopeName: scopeNames.get(a.scopeId) ?? 'Unknown',
      })),
  };
}
