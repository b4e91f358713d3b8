import {
  acceptedInvitationSchema,
  acceptInvitationBodySchema,
  invitationTokenSchema,
  invitationViewSchema,
  inviteStaffBodySchema,
  providerParamsSchema,
  staffListSchema,
  staffParamsSchema,
} from '@waymark/domain/contracts/invitations';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { publicRoute, requires } from '../../lib/policy.ts';
import {
  acceptInvitation,
  describeInvitation,
  inviteProviderStaff,
  listProviderStaff,
  resendInvitation,
} from './invitations.usecases.ts';

const operation = describedAs(['Provider staff and invitations']);

export function invitationsRoutes({ db, config, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/providers/:providerId/staff',
      operation(
        requires('provider_staff.manage'),
        'Provider staff with portal accounts, and whether they have accepted their invitation',
        { params: providerParamsSchema, response: { 200: staffListSchema } },
      ),
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
      operation(
        requires('provider_staff.manage'),
        'Invite a member of the provider’s staff to the portal by email',
        { params: providerParamsSchema, body: inviteStaffBodySchema, response: { 201: staffListSchema } },
      ),
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
      operation(
        requires('provider_staff.manage'),
        'Send a new invitation link (the earlier link stops working)',
        { params: staffParamsSchema, response: { 200: staffListSchema } },
      ),
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
      operation(
        {
          ...publicRoute('The invited person has no password yet; the token is the credential'),
          rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        'Who an invitation link is for, so the page can greet them',
        {
          params: z.object({ token: invitationTokenSchema }),
          response: {
            200: invitationViewSchema,
          },
        },
      ),
      (request) => describeInvitation({ db, token: request.params.token, now: clock() }),
    );

    app.post(
      '/invitations/accept',
      operation(
        {
          ...publicRoute('Choosing a first password with the one-time link'),
          rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        'Choose a password with an invitation link; then sign in as usual',
        { body: acceptInvitationBodySchema, response: { 200: acceptedInvitationSchema } },
      ),
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
