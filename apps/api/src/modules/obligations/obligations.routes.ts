import { todayInLondon } from '@waymark/domain';
import { whatIsDueQuerySchema, whatIsDueSchema } from '@waymark/domain/contracts/obligations';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { signedIn } from '../../lib/policy.ts';
import { whatIsDue } from './obligations.usecases.ts';

const operation = describedAs(['What is due']);

export function obligationsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      operation(
        signedIn(),
        'Every duty for you: overdue first, then today, this week and later, with counts per school',
        { querystring: whatIsDueQuerySchema, response: { 200: whatIsDueSchema } },
      ),
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
