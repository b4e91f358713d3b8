import { todayInLondon } from '@waymark/domain';
import { policyOverviewSchema, policyVersionSchema } from '@waymark/domain/contracts/policy';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { policyOverview, recordPolicyVersion } from './policy.usecases.ts';

const tags = ['AP policy'];

export function policyRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: requires('policy.read'),
        schema: {
          tags,
          summary: 'The AP policy in force, its review state and every issue with its form versions',
          response: { 200: policyOverviewSchema },
        },
      },
      async (request) =>
        policyOverview({ db, groupId: actorOf(request).groupId, today: todayInLondon(clock()) }),
    );

    app.post(
      '/versions',
      {
        config: requires('policy.manage'),
        schema: {
          tags,
          summary:
            'Record a new issue of the policy after its review (the current form versions belong to it)',
          body: policyVersionSchema,
          response: { 201: z.object({ id: z.uuid() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await recordPolicyVersion(
              { db, actor: actorOf(request), ipAddress: request.ip, now: clock() },
              request.body,
            ),
          ),
    );
  };
}
