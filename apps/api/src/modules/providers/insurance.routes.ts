import { todayInLondon } from '@waymark/domain';
import {
  insuranceViewSchema,
  policyBodySchema,
  providerParamsSchema,
} from '@waymark/domain/contracts/providers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { getInsurance, recordInsurance } from './insurance.usecases.ts';

const operation = describedAs(['Provider directory']);

export function insuranceRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/:providerId/insurance',
      operation(
        requires('providers.read'),
        'A provider’s insurance: each cover checked against the minimums',
        { params: providerParamsSchema, response: { 200: insuranceViewSchema } },
      ),
      (request) =>
        getInsurance({
          db,
          actor: actorOf(request),
          providerId: request.params.providerId,
          today: todayInLondon(clock()),
        }),
    );

    app.post(
      '/:providerId/insurance',
      operation(requires('providers.manage'), 'Record an insurance policy', {
        params: providerParamsSchema,
        body: policyBodySchema,
        response: { 201: insuranceViewSchema },
      }),
      async (request, reply) =>
        reply.status(201).send(
          await recordInsurance({
            ...command(request),
            providerId: request.params.providerId,
            policy: request.body,
            today: todayInLondon(clock()),
          }),
        ),
    );
  };
}
