import { todayInLondon } from '@waymark/domain';
import { communicationInputSchema } from '@waymark/domain/contracts/placements';
import { providerCommunicationsLogSchema } from '@waymark/domain/contracts/providers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { providerCommunicationsLog, recordProviderCommunication } from './communications.usecases.ts';

const operation = describedAs(['Provider directory']);

const params = z.object({ providerId: z.uuid({ message: 'Not a provider id' }) });

export function providerCommunicationsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/:providerId/communications',
      operation(
        requires('providers.read'),
        'The communications log: contact with the provider, and about its placements you may see',
        { params, response: { 200: providerCommunicationsLogSchema } },
      ),
      async (request) => ({
        communications: await providerCommunicationsLog({
          db,
          actor: actorOf(request),
          providerId: request.params.providerId,
        }),
      }),
    );

    app.post(
      '/:providerId/communications',
      operation(
        requires('providers.manage'),
        'Record a call, email, meeting, visit or letter with the provider',
        { params, body: communicationInputSchema, response: { 201: providerCommunicationsLogSchema } },
      ),
      async (request, reply) => {
        const actor = actorOf(request);
        await recordProviderCommunication({
          db,
          actor,
          ipAddress: request.ip,
          now: clock(),
          today: todayInLondon(clock()),
          providerId: request.params.providerId,
          input: request.body,
        });
        return reply.status(201).send({
          communications: await providerCommunicationsLog({
            db,
            actor,
            providerId: request.params.providerId,
          }),
        });
      },
    );
  };
}
