import { todayInLondon } from '@waymark/domain';
import { whatIsDueQuerySchema, whatIsDueSchema } from '@waymark/domain/contracts/obligations';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { signedIn } from '../../lib/policy.ts';
import { whatIsDue } from './obligations.usecases.ts';

export function obligationsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: signedIn(),
        schema: {
          querystring: whatIsDueQuerySchema,
          tags: ['What is due'],
          summary:
            'Every duty for you: overdue first, then today, this week and later, with counts per school',
          response: { 200: whatIsDueSchema },
        },
      },
      async (request) =>
        whatIsDue({
          db,
          actor: actorOf(request),
          today: todayInLondon(clock()),
          view: { school: request.query.school, limit: request.query.limit },
        }),
    );
  };
}
