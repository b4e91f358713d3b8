import { todayInLondon } from '@waymark/domain';
import {
  insuranceViewSchema,
  policyBodySchema,
  providerParamsSchema,
} from '@waymark/domain/contracts/providers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { getInsurance, recordInsurance } from './insurance.usecases.ts';

const tags = ['Provider directory'];

export function insuranceRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/:providerId/insurance',
      {
        config: requires('providers.read'),
        schema: {
          tags,
          summary: 'A provider’s insurance: each cover checked against the minimums',
          params: providerParamsSchema,
          response: { 200: insuranceViewSchema },
        },
      },
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
      {
        config: requires('providers.manage'),
        schema: {
          tags,
          summary: 'Record an insurance policy',
          params: providerParamsSchema,
          body: policyBodySchema,
          response: { 201: insuranceViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await recordInsurance({
            db,
            actor: actorOf(request),
            ipAddress: request.ip,
            providerId: request.params.providerId,
            policy: request.body,
            today: todayInLondon(clock()),
          }),
        ),
    );
  };
}
