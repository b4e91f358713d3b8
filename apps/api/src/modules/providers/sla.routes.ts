import { providerParamsSchema, slaBodySchema, slaViewSchema } from '@waymark/domain/contracts/providers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { getSla, recordSla } from './sla.usecases.ts';

const operation = describedAs(['Provider directory']);

export function slaRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/:providerId/sla',
      operation(requires('providers.read'), 'The current SLA with a provider', {
        params: providerParamsSchema,
        response: { 200: slaViewSchema },
      }),
      (request) => getSla({ db, actor: actorOf(request), providerId: request.params.providerId }),
    );
    app.put(
      '/:providerId/sla',
      operation(requires('providers.manage'), 'Record the SLA (each change is kept)', {
        params: providerParamsSchema,
        body: slaBodySchema,
        response: { 200: slaViewSchema },
      }),
      (request) =>
        recordSla({ ...command(request), providerId: request.params.providerId, terms: request.body }),
    );
  };
}
