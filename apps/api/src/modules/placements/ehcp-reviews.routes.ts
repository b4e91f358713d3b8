/** The EHCP reviews to arrange (policy §12), and recording each arranged, whatever flagged it. */

import { isoDateSchema, todayInLondon } from '@waymark/domain';
import { ehcpReviewTaskListSchema, placementViewSchema } from '@waymark/domain/contracts/placement-view';
import { placementParams } from '@waymark/domain/contracts/placements';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import {
  type EhcpReviewSource,
  ehcpReviewsToArrange,
  recordEhcpReviewArranged,
} from './ehcp-reviews.usecases.ts';

const operation = describedAs(['Placements']);

const arrangedSchema = z.strictObject({
  arrangedOn: isoDateSchema,
  note: z
    .string()
    .trim()
    .min(1, 'Say what was arranged, e.g. review meeting with the LA on 12 March')
    .max(1000),
});

/** Where each kind of flag is recorded as arranged: the flag's own id in the path, or the placement's. */
const flags: {
  source: EhcpReviewSource;
  path: string;
  idParam?: string;
  idMessage?: string;
  what: string;
}[] = [
  {
    source: 'review',
    path: '/:placementId/reviews/:reviewId/ehcp-review',
    idParam: 'reviewId',
    idMessage: 'Not a review id',
    what: 'the placement review',
  },
  {
    source: 'timetable_change',
    path: '/:placementId/timetable-changes/:changeId/ehcp-review',
    idParam: 'changeId',
    idMessage: 'Not a timetable change id',
    what: 'a timetable change',
  },
  { source: 'provider_move', path: '/:placementId/move/ehcp-review', what: 'a move to another provider' },
];

export function ehcpReviewRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/ehcp-reviews',
      operation(
        requires('placements.read'),
        'EHCP reviews to arrange: a review, a timetable change or a move that changed provision for a pupil with an EHCP',
        {
          response: {
            200: ehcpReviewTaskListSchema,
          },
        },
      ),
      async (request) => ({ tasks: await ehcpReviewsToArrange({ db, actor: actorOf(request) }) }),
    );

    for (const flag of flags) {
      const params = flag.idParam
        ? placementParams.extend({ [flag.idParam]: z.uuid({ message: flag.idMessage }) })
        : placementParams;
      app.post(
        flag.path,
        operation(
          requires('placements.manage'),
          `Record that the EHCP review ${flag.what} asked for has been arranged`,
          { params, body: arrangedSchema, response: { 200: placementViewSchema } },
        ),
        (request) => {
          const path = request.params as Record<string, string>;
          return recordEhcpReviewArranged({
            ...command(request),
            today: todayInLondon(clock()),
            placementId: path.placementId!,
            source: flag.source,
            flagId: path[flag.idParam ?? 'placementId']!,
            input: request.body,
          });
        },
      );
    }
  };
}
