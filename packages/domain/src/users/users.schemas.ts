import { z } from 'zod';
import { roleNameSchema, roles, scopeTypeSchema } from '../access/roles.ts';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter an email address like name@school.org.uk' }).max(254));

/** NCSC advice: length over complexity rules; reject the obviously guessable. */
export const newPasswordSchema = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(200, 'Use at most 200 characters')
  .refine((p) => new Set(p).size >= 5, 'Use a less repetitive password');

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(120, 'Use at most 120 characters');

export const roleAssignmentInputSchema = z
  .strictObject({
    role: roleNameSchema,
    scopeType: scopeTypeSchema,
    scopeId: z.uuid({ message: 'Choose the group, region, school or provider' }),
  })
  .refine((a) => roles[a.role].scopes.includes(a.scopeType), {
    message: 'This role cannot be given in that kind of scope',
    path: ['scopeType'],
  });

export type RoleAssignmentInput = z.infer<typeof roleAssignmentInputSchema>;
