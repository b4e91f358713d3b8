import { todayInLondon } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { listRenewals } from './renewals.ts';

const renewalSchema = z.object({
  providerId: z.uuid(),
  providerName: z.string(),
  item: z.string(),
  kind: z.enum(['insurance', 'document', 'letter', 'sla', 'assurance']),
  expiresOn: z.string(),
  state: z.enum(['expired', 'due']),
  daysLeft: z.number().int(),
});

export function renewalsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/renewals',
      {
        config: requires('providers.read'),
        schema: {
          tags: ['Provider directory'],
          summary: 'Provider evidence that has expired or runs out soon (insurance, documents, letter, SLA)',
          querystring: z.object({
            withinDays: z.coerce.number().int().min(0).max(366).default(30),
          }),
          response: { 200: z.object({ renewals: z.array(renewalSchema) }) },
        },
      },
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
