/**
 * Request and response shapes of the provider staff and invitation routes: who at a provider can use
 * the portal, inviting them, and the one-time link with which each person sets their own password.
 */
import { z } from 'zod';
import { displayNameSchema, emailSchema, newPasswordSchema } from '../users/users.schemas.ts';

export const providerParamsSchema = z.object({ providerId: z.uuid({ message: 'Not a provider id' }) });
export const staffParamsSchema = providerParamsSchema.extend({
  userId: z.uuid({ message: 'Not a user id' }),
});
// Tokens are 43 base64url characters; anything else is refused before touching the database.
export const invitationTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'This is not a Waymark invitation link');

export const staffMemberSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(['invited', 'active', 'deactivated']),
  invitedAt: z.iso.datetime().nullable(),
  invitationExpiresAt: z.iso.datetime().nullable(),
});
export const staffListSchema = z.object({ staff: z.array(staffMemberSchema) });
export const inviteStaffBodySchema = z.strictObject({ email: emailSchema, displayName: displayNameSchema });

export const invitationViewSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  providerName: z.string().nullable(),
  expiresAt: z.iso.datetime(),
});
export const acceptInvitationBodySchema = z.strictObject({
  token: invitationTokenSchema,
  password: newPasswordSchema,
});
export const acceptedInvitationSchema = z.object({ email: z.string() });

export type StaffMember = z.infer<typeof staffMemberSchema>;
export type InviteStaffRequest = z.input<typeof inviteStaffBodySchema>;
export type InvitationView = z.infer<typeof invitationViewSchema>;
export type AcceptInvitationRequest = z.input<typeof acceptInvitationBodySchema>;
