/**
 * Request and response shapes of signing in and out, the session and changing a password. The web
 * keeps the session answer in its cache under these types.
 */
import { z } from 'zod';
import { permissions } from '../access/permissions.ts';
import { roleNameSchema, scopeTypeSchema } from '../access/roles.ts';
import { emailSchema, newPasswordSchema } from '../users/users.schemas.ts';

export const signInBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password').max(200),
});

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password').max(200),
  newPassword: newPasswordSchema,
});

export const sessionViewSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
  group: z.object({ id: z.uuid(), name: z.string() }),
  assignments: z.array(
    z.object({
      id: z.uuid(),
      role: roleNameSchema,
      scopeType: scopeTypeSchema,
      scopeId: z.uuid(),
      scopeName: z.string(),
    }),
  ),
  permissions: z.array(z.enum(Object.keys(permissions) as [keyof typeof permissions])),
  expiresAt: z.iso.datetime().optional(),
});

export const sessionResponseSchema = z.object({
  /** Null when signed out, and while a second step of signing in is still awaited. */
  session: sessionViewSchema.nullable(),
  /** The step still awaited: the authenticator code, or setting the app up first. */
  secondFactor: z.enum(['code', 'enrol']).nullable().optional(),
});

export type SessionView = z.infer<typeof sessionViewSchema>;
export type SessionAnswer = z.infer<typeof sessionResponseSchema>;
