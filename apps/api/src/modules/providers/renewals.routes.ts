import { todayInLondon } from '@waymark/domain';
import { renewalSchema } from '@waymark/domain/contracts/providers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { listRenewals } from './renewals.ts';

const operation = describedAs(['Provider directory']);

export function renewalsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/renewals',
      operation(
        requires('providers.read'),
        'Provider evidence that has expired or runs out soon (insurance, documents, letter, SLA)',
        {
          querystring: z.object({
            withinDays: z.coerce.number().int().min(0).max(366).default(30),
          }),
          response: { 200: z.object({ renewals: z.array(renewalSchema) }) },
        },
      ),
      async (request) => ({
        renewals: await listRenewals(
          db,
          actorOf(request).groupId,
          todayInLondon(clock()),
          request.query.withinDays,
        ),
      }),
    );
  };
}
