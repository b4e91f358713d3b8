import {
  decisionBodySchema,
  providerParamsSchema,
  providerViewSchema,
} from '@waymark/domain/contracts/providers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { decideOnProvider } from './decisions.usecases.ts';

const operation = describedAs(['Provider directory']);

export function decisionsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.post(
      '/:providerId/decisions',
      operation(
        requires('providers.approve'),
        'The headteacher approves, suspends, withdraws or reinstates a provider',
        { params: providerParamsSchema, body: decisionBodySchema, response: { 200: providerViewSchema } },
      ),
      (request) =>
        decideOnProvider({
          ...command(request),
          providerId: request.params.providerId,
          ...request.body,
          now: clock(),
        }),
    );
  };
}
