import { providerParamsSchema, slaBodySchema, slaViewSchema } from '@waymark/domain/contracts/providers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { getSla, recordSla } from './sla.usecases.ts';

const tags = ['Provider directory'];

export function slaRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/:providerId/sla',
      {
        config: requires('providers.read'),
        schema: {
          tags,
          summary: 'The current SLA with a provider',
          params: providerParamsSchema,
          response: { 200: slaViewSchema },
        },
      },
      (request) => getSla({ db, actor: actorOf(request), providerId: request.params.providerId }),
    );
    app.put(
      '/:providerId/sla',
      {
        config: requires('providers.manage'),
        schema: {
          tags,
          summary: 'Record the SLA (each change is kept)',
          params: providerParamsSchema,
          body: slaBodySchema,
          response: { 200: slaViewSchema },
        },
      },
      (request) =>
        recordSla({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          providerId: request.params.providerId,
          terms: request.body,
        }),
    );
  };
}
