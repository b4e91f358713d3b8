import { displayNameSchema, emailSchema, newPasswordSchema } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { publicRoute, requires } from '../../lib/policy.ts';
import {
  acceptInvitation,
  describeInvitation,
  inviteProviderStaff,
  listProviderStaff,
  resendInvitation,
} from './invitations.usecases.ts';

const tags = ['Provider staff and invitations'];

const providerParams = z.object({ providerId: z.uuid({ message: 'Not a provider id' }) });
const staffParams = providerParams.extend({ userId: z.uuid({ message: 'Not a user id' }) });
// Tokens are 43 base64url characters; anything else is refused before touching the database.
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This is not a Waymark invitation link');

const staffMemberSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(['invited', 'active', 'deactivated']),
  invitedAt: z.iso.datetime().nullable(),
  invitationExpiresAt: z.iso.datetime().nullable(),
});
const staffListSchema = z.object({ staff: z.array(staffMemberSchema) });

export function invitationsRoutes({ db, config, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/providers/:providerId/staff',
      {
        config: requires('provider_staff.manage'),
        schema: {
          tags,
          summary: 'Provider staff with portal accounts, and whether they have accepted their invitation',
          params: providerParams,
          response: { 200: staffListSchema },
        },
      },
      async (request) => ({
        staff: await listProviderStaff({
          db,
          actor: actorOf(request),
          providerId: request.params.providerId,
        }),
      }),
    );

    app.post(
      '/providers/:providerId/staff',
      {
        config: requires('provider_staff.manage'),
        schema: {
          tags,
          summary: 'Invite a member of the provider’s staff to the portal by email',
          params: providerParams,
          body: z.strictObject({ email: emailSchema, displayName: displayNameSchema }),
          response: { 201: staffListSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { providerId } = request.params;
        await inviteProviderStaff({
          db,
          actor,
          ipAddress: request.ip,
          now: clock(),
          publicUrl: config.publicUrl,
          providerId,
          ...request.body,
        });
        return reply.status(201).send({ staff: await listProviderStaff({ db, actor, providerId }) });
      },
    );

    app.post(
      '/providers/:providerId/staff/:userId/invitation',
      {
        config: requires('provider_staff.manage'),
        schema: {
          tags,
          summary: 'Send a new invitation link (the earlier link stops working)',
          params: staffParams,
          response: { 200: staffListSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { providerId, userId } = request.params;
        await resendInvitation({
          db,
          actor,
          ipAddress: request.ip,
          now: clock(),
          publicUrl: config.publicUrl,
          providerId,
          userId,
        });
        return { staff: await listProviderStaff({ db, actor, providerId }) };
      },
    );

    app.get(
      '/invitations/:token',
      {
        config: {
          ...publicRoute('The invited person has no password yet; the token is the credential'),
          rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags,
          summary: 'Who an invitation link is for, so the page can greet them',
          params: z.object({ token: tokenSchema }),
          response: {
            200: z.object({
              email: z.string(),
              displayName: z.string(),
              providerName: z.string().nullable(),
              expiresAt: z.iso.datetime(),
            }),
          },
        },
      },
      (request) => describeInvitation({ db, token: request.params.token, now: clock() }),
    );

    app.post(
      '/invitations/accept',
      {
        config: {
          ...publicRoute('Choosing a first password with the one-time link'),
          rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags,
          summary: 'Choose a password with an invitation link; then sign in as usual',
          body: z.strictObject({ token: tokenSchema, password: newPasswordSchema }),
          response: { 200: z.object({ email: z.string() }) },
        },
      },
      (request) =>
        acceptInvitation({
          db,
          token: request.body.token,
          password: request.body.password,
          now: clock(),
          ipAddress: request.ip,
        }),
    );
  };
}
