import { todayInLondon } from '@waymark/domain';
import {
  noticeListSchema,
  noticeSchema,
  noticesDueSchema,
  portalNoticeInputSchema,
  providerNoticeInputSchema,
} from '@waymark/domain/contracts/notices';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import {
  listPortalNotices,
  listProviderNotices,
  portalNoticesDue,
  portalProviderOf,
  recordNotice,
} from './notices.usecases.ts';

const operation = describedAs(['Provider notices']);
const providerParams = z.object({ providerId: z.uuid({ message: 'Not a provider id' }) });

export function noticesRoutes({ db, clock, config }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/providers/:providerId/notices',
      operation(requires('providers.read'), 'Changes the provider has told the school about, newest first', {
        params: providerParams,
        response: { 200: noticeListSchema },
      }),
      async (request) => ({
        notices: await listProviderNotices({
          db,
          actor: actorOf(request),
          providerId: request.params.providerId,
        }),
      }),
    );

    app.post(
      '/providers/:providerId/notices',
      operation(
        requires('providers.manage'),
        'Record a change the provider told you about by phone or email',
        { params: providerParams, body: providerNoticeInputSchema, response: { 201: noticeSchema } },
      ),
      async (request, reply) => {
        const notice = await recordNotice({
          ...command(request),
          providerId: request.params.providerId,
          input: request.body,
          source: 'school',
          now: clock(),
          publicUrl: config.publicUrl,
        });
        return reply.status(201).send(notice);
      },
    );

    app.get(
      '/portal/notices',
      operation(requires('portal.use'), 'Provider portal: changes you have told the schools about', {
        response: { 200: noticeListSchema },
      }),
      async (request) => ({ notices: await listPortalNotices({ db, actor: actorOf(request) }) }),
    );

    app.get(
      '/portal/notices/due',
      operation(
        requires('portal.use'),
        'Provider portal: what you owe the schools now — the termly filtering and monitoring assurance while pupils are placed with you',
        { response: { 200: noticesDueSchema } },
      ),
      (request) => portalNoticesDue(db, actorOf(request), todayInLondon(clock())),
    );

    app.post(
      '/portal/notices',
      operation(
        requires('portal.use'),
        'Provider portal: tell the schools about a change of DSL, deputy DSL or senior leadership',
        { body: portalNoticeInputSchema, response: { 201: noticeSchema } },
      ),
      async (request, reply) => {
        const actor = actorOf(request);
        const { providerId, ...input } = request.body;
        const notice = await recordNotice({
          db,
          actor,
          ipAddress: request.ip,
          providerId: portalProviderOf(actor, providerId),
          input,
          source: 'portal',
          now: clock(),
          publicUrl: config.publicUrl,
        });
        return reply.status(201).send(notice);
      },
    );
  };
}
