import { todayInLondon } from '@waymark/domain';
import { policyOverviewSchema, policyVersionSchema } from '@waymark/domain/contracts/policy';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { policyOverview, recordPolicyVersion } from './policy.usecases.ts';

const operation = describedAs(['AP policy']);

export function policyRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/',
      operation(
        requires('policy.read'),
        'The AP policy in force, its review state and every issue with its form versions',
        { response: { 200: policyOverviewSchema } },
      ),
      async (request) =>
        policyOverview({ db, groupId: actorOf(request).groupId, today: todayInLondon(clock()) }),
    );

    app.post(
      '/versions',
      operation(
        requires('policy.manage'),
        'Record a new issue of the policy after its review (the current form versions belong to it)',
        { body: policyVersionSchema, response: { 201: z.object({ id: z.uuid() }) } },
      ),
      async (request, reply) =>
        reply
          .status(201)
          .send(await recordPolicyVersion({ ...command(request), now: clock() }, request.body)),
    );
  };
}
