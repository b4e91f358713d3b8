import { calendarFeedCreatedSchema, calendarFeedStatusSchema } from '@waymark/domain/contracts/account';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { publicRoute, signedIn } from '../../lib/policy.ts';
import { createFeed, feedIcs, feedStatus, revokeFeed } from './feeds.usecases.ts';

const operation = describedAs(['Calendar feed']);

export function feedsRoutes({ db, clock, config }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/account/calendar-feed',
      operation(signedIn(), 'Whether you have a live calendar feed address', {
        response: { 200: calendarFeedStatusSchema },
      }),
      async (request) => feedStatus(db, actorOf(request)),
    );
    app.post(
      '/account/calendar-feed',
      operation(signedIn(), 'A new private calendar address (shown once; any earlier one stops working)', {
        response: { 201: calendarFeedCreatedSchema },
      }),
      async (request, reply) =>
        reply
          .status(201)
          .send(await createFeed({ ...command(request), now: clock(), publicUrl: config.publicUrl })),
    );
    app.delete(
      '/account/calendar-feed',
      operation(signedIn(), 'Stop your calendar feed address working', { response: { 204: z.null() } }),
      async (request, reply) => {
        await revokeFeed({ ...command(request), now: clock() });
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/calendar-feeds/:file',
      operation(
        {
          ...publicRoute('Calendar programs fetch the feed without a session; the address holds the token'),
          rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        'Your what-is-due as iCalendar (404 once replaced or revoked)',
        {
          params: z.object({
            file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'Not a calendar feed address'),
          }),
        },
      ),
      async (request, reply) => {
        const ics = await feedIcs({
          db,
          token: request.params.file.slice(0, -4),
          now: clock(),
          publicUrl: config.publicUrl,
        });
        return reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .send(ics);
      },
    );
  };
}
