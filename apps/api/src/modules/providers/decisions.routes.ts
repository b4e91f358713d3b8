import {
  decisionBodySchema,
  providerParamsSchema,
  providerViewSchema,
} from '@waymark/domain/contracts/providers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { decideOnProvider } from './decisions.usecases.ts';

export function decisionsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/:providerId/decisions',
      {
        config: requires('providers.approve'),
        schema: {
          tags: ['Provider directory'],
          summary: 'The headteacher approves, suspends, withdraws or reinstates a provider',
          params: providerParamsSchema,
          body: decisionBodySchema,
          response: { 200: providerViewSchema },
        },
      },
      (request) =>
        decideOnProvider({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          providerId: request.params.providerId,
          ...request.body,
          now: clock(),
        }),
    );
  };
}
