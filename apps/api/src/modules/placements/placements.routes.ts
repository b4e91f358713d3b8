import { directionReviewInputSchema, placementStatuses, todayInLondon } from '@waymark/domain';
import { placementSummarySchema, placementViewSchema } from '@waymark/domain/contracts/placement-view';
import {
  communicationInputSchema,
  correctEndSchema,
  createPlacementSchema,
  destinationSchema,
  endSchema,
  laInformedSchema,
  placementParams,
  planSchema,
  reviewSchema,
  shareSchema,
} from '@waymark/domain/contracts/placements';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { recordCommunication } from './communications.usecases.ts';
import { recordDirectionReview } from './direction-reviews.usecases.ts';
import { offSiteNoticePdf } from './off-site-notice.ts';
import {
  completeReview,
  correctEndDate,
  endPlacement,
  recordDestination,
  recordLaInformed,
  startPlacement,
} from './placement-lifecycle.ts';

import { createPlacement, getPlacement, listPlacements, savePlan } from './placements.usecases.ts';
import { sendReferral, shareWithProvider } from './sharing.usecases.ts';

const operation = describedAs(['Placements']);
export function placementsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    const command = (request: Parameters<typeof actorOf>[0]) => ({
      db,
      actor: actorOf(request),
      ipAddress: request.ip,
      today: todayInLondon(clock()),
    });
    const one = { 200: placementViewSchema };

    app.get(
      '/',
      operation(requires('placements.read'), 'Placements at your schools', {
        querystring: z.object({
          status: z.enum(placementStatuses).optional(),
          pupilId: z.uuid().optional(),
          providerId: z.uuid().optional(),
        }),
        response: { 200: z.object({ placements: z.array(placementSummarySchema) }) },
      }),
      async (request) => ({
        placements: await listPlacements({
          db,
          actor: actorOf(request),
          ...request.query,
          today: todayInLondon(clock()),
        }),
      }),
    );

    app.post(
      '/',
      operation(requires('placements.manage'), 'Refer a pupil to a provider', {
        body: createPlacementSchema,
        response: { 201: placementViewSchema },
      }),
      async (request, reply) =>
        reply.status(201).send(await createPlacement({ ...command(request), input: request.body })),
    );

    app.get(
      '/:placementId',
      operation(requires('placements.read'), 'One placement, everything about it (the read is logged)', {
        params: placementParams,
        response: one,
      }),
      (request) => getPlacement({ ...command(request), placementId: request.params.placementId }),
    );

    app.put(
      '/:placementId/plan',
      operation(
        requires('placements.manage'),
        'Save the plan; refused if the placement changed since the version you opened',
        { params: placementParams, body: planSchema, response: one },
      ),
      (request) =>
        savePlan({ ...command(request), placementId: request.params.placementId, plan: request.body }),
    );

    app.post(
      '/:placementId/start',
      operation(
        requires('placements.manage'),
        'Start the placement (refused, with each reason, until it may)',
        { params: placementParams, response: one },
      ),
      (request) => startPlacement({ ...command(request), placementId: request.params.placementId }),
    );

    app.post(
      '/:placementId/end-date',
      operation(requires('placements.manage'), 'Correct an ended placement’s last day, with why (logged)', {
        params: placementParams,
        body: correctEndSchema,
        response: one,
      }),
      (request) =>
        correctEndDate({ ...command(request), placementId: request.params.placementId, input: request.body }),
    );

    app.post(
      '/:placementId/send-referral',
      operation(
        requires('placements.manage'),
        'Send the referral to its approved provider: only then does the portal show the pupil (logged as a share)',
        { params: placementParams, response: one },
      ),
      (request) => sendReferral({ ...command(request), placementId: request.params.placementId }),
    );

    app.post(
      '/:placementId/local-authority',
      operation(requires('placements.manage'), 'Record when and how the local authority was told', {
        params: placementParams,
        body: laInformedSchema,
        response: one,
      }),
      (request) =>
        recordLaInformed({
          ...command(request),
          placementId: request.params.placementId,
          input: request.body,
        }),
    );

    app.post(
      '/:placementId/reviews/:reviewId',
      operation(requires('placements.manage'), 'Complete a half-termly review', {
        params: placementParams.extend({ reviewId: z.uuid({ message: 'Not a review id' }) }),
        body: reviewSchema,
        response: one,
      }),
      (request) =>
        completeReview({
          ...command(request),
          placementId: request.params.placementId,
          reviewId: request.params.reviewId,
          input: request.body,
        }),
    );

    app.post(
      '/:placementId/communications',
      operation(
        requires('placements.manage'),
        'Record a call, email, meeting, visit or letter about the placement',
        { params: placementParams, body: communicationInputSchema, response: one },
      ),
      (request) =>
        recordCommunication({
          ...command(request),
          placementId: request.params.placementId,
          input: request.body,
        }),
    );

    app.post(
      '/:placementId/direction-reviews',
      operation(
        requires('placements.manage'),
        'Record a written request for the governing board to review an off-site direction, or a review it held',
        { params: placementParams, body: directionReviewInputSchema, response: one },
      ),
      (request) =>
        recordDirectionReview({
          ...command(request),
          placementId: request.params.placementId,
          input: request.body,
        }),
    );

    app.post(
      '/:placementId/shares',
      operation(
        requires('placements.manage'),
        'Record information shared with the provider (optionally one of the pupil’s documents)',
        { params: placementParams, body: shareSchema, response: one },
      ),
      (request) =>
        shareWithProvider({
          ...command(request),
          placementId: request.params.placementId,
          input: request.body,
        }),
    );

    app.get(
      '/:placementId/off-site-notice',
      operation(
        requires('placements.read'),
        'The written notice of an off-site direction as a PDF, to the parents or (EHCP) the local authority',
        {
          params: placementParams,
          querystring: z.object({ to: z.enum(['parents', 'local_authority']).default('parents') }),
        },
      ),
      async (request, reply) => {
        const { bytes, filename } = await offSiteNoticePdf({
          ...command(request),
          placementId: request.params.placementId,
          to: request.query.to,
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${filename}"`)
          .send(bytes);
      },
    );

    app.post(
      '/:placementId/end',
      operation(requires('placements.manage'), 'End the placement with its outcome', {
        params: placementParams,
        body: endSchema,
        response: one,
      }),
      (request) =>
        endPlacement({ ...command(request), placementId: request.params.placementId, input: request.body }),
    );

    app.put(
      '/:placementId/destination',
      operation(
        requires('placements.manage'),
        'Record what the young person did month by month after leaving; the DfE measure follows',
        { params: placementParams, body: destinationSchema, response: one },
      ),
      (request) =>
        recordDestination({
          ...command(request),
          placementId: request.params.placementId,
          input: request.body,
        }),
    );
  };
}
