import { insuranceTypes, isoDateSchema, todayInLondon } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { getInsurance, recordInsurance } from './insurance.usecases.ts';
import { providerParamsSchema } from './providers.schemas.ts';

const tags = ['Provider directory'];

export const policyBodySchema = z.strictObject({
  type: z.enum(insuranceTypes, { message: 'Choose the kind of cover' }),
  insurer: z.string().trim().min(1, 'Enter the insurer').max(120),
  levelPounds: z
    .number({ message: 'Enter the level of cover in pounds' })
    .int('Enter whole pounds')
    .positive('Enter the level of cover in pounds')
    .max(1_000_000_000),
  expiresOn: isoDateSchema,
  specialConditions: z.string().trim().max(500).default(''),
});

const policyView = z.object({
  id: z.uuid(),
  type: z.enum(insuranceTypes),
  insurer: z.string(),
  levelPounds: z.number(),
  expiresOn: z.string(),
  specialConditions: z.string(),
  recordedAt: z.iso.datetime(),
});

const insuranceView = z.object({
  cover: z.array(
    z.object({
      type: z.enum(insuranceTypes),
      label: z.string(),
      state: z.enum(['in_date', 'expiring_soon', 'expired', 'below_minimum', 'missing', 'not_needed']),
      blocksApproval: z.boolean(),
      message: z.string(),
    }),
  ),
  policies: z.array(policyView),
});

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
          response: { 200: insuranceView },
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
          response: { 201: insuranceView },
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
