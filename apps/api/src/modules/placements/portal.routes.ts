import { todayInLondon } from '@waymark/domain';
import { portalPlacementSchema, sharedSchema } from '@waymark/domain/contracts/placement-view';
import { placementParams } from '@waymark/domain/contracts/placements';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { attachmentHeaders } from '../../lib/uploads.ts';
import { downloadSharedDocument, getPortalPlacement, listPortalPlacements } from './sharing.usecases.ts';

const operation = describedAs(['Provider portal']);

export function portalPlacementsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/portal/placements',
      operation(
        requires('portal.use'),
        'Provider portal: pupils placed with you (referrals and active placements)',
        { response: { 200: z.object({ placements: z.array(portalPlacementSchema) }) } },
      ),
      async (request) => ({
        placements: await listPortalPlacements({
          db,
          actor: actorOf(request),
          today: todayInLondon(clock()),
        }),
      }),
    );

    app.get(
      '/portal/placements/:placementId',
      operation(
        requires('portal.use'),
        'Provider portal: one placement and what the school has shared with you',
        {
          params: placementParams,
          response: { 200: portalPlacementSchema.extend({ shared: z.array(sharedSchema) }) },
        },
      ),
      (request) =>
        getPortalPlacement({
          ...command(request),
          today: todayInLondon(clock()),
          placementId: request.params.placementId,
        }),
    );

    app.get(
      '/portal/placements/:placementId/shared/:shareId/file',
      operation(
        requires('portal.use'),
        'Provider portal: download a document the school shared with you (logged)',
        { params: placementParams.extend({ shareId: z.uuid({ message: 'Not a shared item id' }) }) },
      ),
      async (request, reply) => {
        const file = await downloadSharedDocument({
          ...command(request),
          placementId: request.params.placementId,
          shareId: request.params.shareId,
        });
        return reply.type(file.contentType).headers(attachmentHeaders(file)).send(file.content);
      },
    );
  };
}
