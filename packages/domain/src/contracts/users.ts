/**
 * Request and response shapes of the user administration routes: people, their roles and where each
 * role applies, and what an administrator may do to an account.
 */
import { z } from 'zod';
import { roleNameSchema, scopeTypeSchema } from '../access/roles.ts';
import {
  displayNameSchema,
  emailSchema,
  newPasswordSchema,
  roleAssignmentInputSchema,
} from '../users/users.schemas.ts';
import { pageInfoSchema, pageQuerySchema } from './pagination.ts';

export const userParamsSchema = z.object({ userId: z.uuid({ message: 'Not a user id' }) });

export const listUsersQuerySchema = pageQuerySchema.extend({
  search: z.string().trim().max(100).optional(),
  role: roleNameSchema.optional(),
  schoolId: z.uuid().optional(),
});

export const createUserBodySchema = z.strictObject({
  email: emailSchema,
  displayName: displayNameSchema,
  /** A first password the administrator passes on; the user changes it after signing in. */
  password: newPasswordSchema,
  assignments: z.array(roleAssignmentInputSchema).max(50).default([]),
});

export const updateUserBodySchema = z
  .strictObject({ displayName: displayNameSchema.optional(), isActive: z.boolean().optional() })
  .refine(
    (b) => b.displayName !== undefined || b.isActive !== undefined,
    'Send at least one field to change',
  );

export const resetPasswordBodySchema = z.strictObject({ password: newPasswordSchema });

export const assignmentViewSchema = z.object({
  id: z.uuid(),
  role: roleNameSchema,
  scopeType: scopeTypeSchema,
  scopeId: z.uuid(),
  scopeName: z.string(),
});

export const userViewSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  isActive: z.boolean(),
  createdAt: z.iso.datetime(),
  assignments: z.array(assignmentViewSchema),
});

export const userListSchema = z.object({ users: z.array(userViewSchema), pageInfo: pageInfoSchema });

export type UserView = z.infer<typeof userViewSchema>;
export type CreateUserBody = z.infer<typeof createUserBodySchema>;
export type UserListPage = z.infer<typeof userListSchema>;
export type CreateUserRequest = z.input<typeof createUserBodySchema>;
