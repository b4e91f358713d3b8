import {
  destinationOutcomes,
  isoDateSchema,
  placementStatuses,
  placementTypes,
  providerStatuses,
  senStatuses,
  todayInLondon,
  weekdays,
} from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { recordCommunication } from './communications.usecases.ts';
import { ehcpReviewsToArrange, recordEhcpReviewArranged } from './ehcp-reviews.usecases.ts';
import { offSiteNoticePdf } from './off-site-notice.ts';
import {
  completeReview,
  endPlacement,
  recordDestination,
  recordLaInformed,
  startPlacement,
} from './placement-lifecycle.ts';
import {
  createPlacementSchema,
  destinationSchema,
  endSchema,
  laInformedSchema,
  placementParams,
  planSchema,
  reviewSchema,
  shareSchema,
} from './placements.schemas.ts';
import { communicationKinds } from './placements.table.ts';
import { createPlacement, getPlacement, listPlacements, savePlan } from './placements.usecases.ts';
import { shareWithProvider } from './sharing.usecases.ts';

const tags = ['Placements'];
const outcomes = ['returned_to_school', 'moved_provider', 'post_16', 'other'] as const;

export const sharedSchema = z.object({
  id: z.uuid(),
  what: z.string(),
  method: z.string(),
  sharedOn: z.string(),
  sharedByName: z.string(),
  document: z.object({ id: z.uuid(), title: z.string(), version: z.number().int() }).nullable(),
});

const placementViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(placementStatuses),
  type: z.enum(placementTypes),
  reason: z.string(),
  school: z.object({ id: z.uuid(), name: z.string() }),
  pupil: z.object({
    id: z.uuid(),
    displayName: z.string(),
    upn: z.string(),
    yearGroup: z.number().int(),
    senStatus: z.enum(senStatuses),
    lookedAfter: z.boolean(),
  }),
  provider: z.object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(providerStatuses),
    registrationAlarm: z.boolean(),
  }),
  registration: z.object({ kind: z.enum(['dual', 'sole']), code: z.enum(['D', 'B']) }),
  startsOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  agreement: z
    .object({
      discussedOn: z.string(),
      withWhom: z.string(),
      how: z.string(),
      pupilView: z.string(),
      agreed: z.boolean(),
      voluntaryConsent: z.boolean(),
    })
    .nullable(),
  objectives: z.array(
    z.object({ id: z.string(), text: z.string(), timeline: z.string(), successCriteria: z.string() }),
  ),
  reintegrationTargets: z.array(
    z.object({ id: z.string(), text: z.string(), timeline: z.string(), post16Link: z.string().optional() }),
  ),
  induction: z.string(),
  sessions: z.array(z.object({ day: z.enum(weekdays), session: z.enum(['am', 'pm']), hours: z.number() })),
  hoursPerWeek: z.number(),
  costPence: z.number().int().nullable(),
  costPer: z.enum(['session', 'day', 'week']).nullable(),
  funding: z.string(),
  maximumDays: z.number().int().nullable(),
  attendanceTargetPercent: z.number().int(),
  noticeGivenOn: z.string().nullable(),
  laInformedOn: z.string().nullable(),
  laInformedHow: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  outcome: z.enum(outcomes).nullable(),
  blockers: z.array(z.object({ path: z.string(), message: z.string() })),
  reviews: z.array(
    z.object({
      id: z.uuid(),
      halfTerm: z.string(),
      dueOn: z.string(),
      state: z.enum(['done', 'overdue', 'due']),
      completedOn: z.string().nullable(),
      progress: z.array(z.object({ targetId: z.string(), progress: z.string(), evidence: z.string() })),
      attendancePercent: z.number().int().nullable(),
      behaviour: z.string().nullable(),
      pupilView: z.string().nullable(),
      parentView: z.string().nullable(),
      decision: z.enum(['continue', 'adjust_plan', 'end']).nullable(),
      materialChange: z.boolean().nullable(),
      ehcpReviewRequired: z.boolean(),
      ehcpReviewArrangedOn: z.string().nullable(),
    }),
  ),
  destination: z
    .object({
      destinationYearStarts: z.number().int(),
      months: z.record(z.string(), z.enum(['education', 'apprenticeship', 'employment', 'none'])),
      outcome: z.enum(destinationOutcomes).nullable(),
      description: z.string(),
    })
    .nullable(),
  shared: z.array(sharedSchema),
  communications: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(communicationKinds),
      occurredOn: z.string(),
      withWhom: z.string(),
      summary: z.string(),
      followUp: z.string(),
      recordedByName: z.string(),
    }),
  ),
  timeline: z.array(z.object({ at: z.iso.datetime(), by: z.string(), what: z.string() })),
  version: z.number().int(),
});

const placementSummarySchema = z.object({
  id: z.uuid(),
  status: z.enum(placementStatuses),
  type: z.enum(placementTypes),
  startsOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  schoolName: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  pupilId: z.uuid(),
  pupilName: z.string(),
  yearGroup: z.number().int(),
});

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
      {
        config: requires('placements.read'),
        schema: {
          tags,
          summary: 'Placements at your schools',
          querystring: z.object({
            status: z.enum(placementStatuses).optional(),
            pupilId: z.uuid().optional(),
            providerId: z.uuid().optional(),
          }),
          response: { 200: z.object({ placements: z.array(placementSummarySchema) }) },
        },
      },
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
      {
        config: requires('placements.manage'),
        schema: {
          tags,
          summary: 'Refer a pupil to a provider',
          body: createPlacementSchema,
          response: { 201: placementViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createPlacement({ ...command(request), input: request.body })),
    );

    app.get(
      '/ehcp-reviews',
      {
        config: requires('placements.read'),
        schema: {
          tags,
          summary:
            'EHCP reviews to arrange: reviews that changed provision materially for a pupil with an EHCP',
          response: {
            200: z.object({
              tasks: z.array(
                z.object({
                  placementId: z.uuid(),
                  reviewId: z.uuid(),
                  pupilName: z.string(),
                  providerName: z.string(),
                  localAuthority: z.string().nullable(),
                  flaggedOn: z.string().nullable(),
                  halfTerm: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ tasks: await ehcpReviewsToArrange({ db, actor: actorOf(request) }) }),
    );

    app.post(
      '/:placementId/reviews/:reviewId/ehcp-review',
      {
        config: requires('placements.manage'),
        schema: {
          tags,
          summary: 'Record that the EHCP review the placement review asked for has been arranged',
          params: placementParams.extend({ reviewId: z.uuid({ message: 'Not a review id' }) }),
          body: z.strictObject({
            arrangedOn: isoDateSchema,
            note: z
              .string()
              .trim()
              .min(1, 'Say what was arranged, e.g. review meeting with the LA on 12 March')
              .max(1000),
          }),
          response: one,
        },
      },
      (request) =>
        recordEhcpReviewArranged({
          ...command(request),
          placementId: request.params.placementId,
          reviewId: request.params.reviewId,
          input: request.body,
        }),
    );

    app.get(
      '/:placementId',
      {
        config: requires('placements.read'),
        schema: {
          tags,
          summary: 'One placement, everything about it (the read is logged)',
          params: placementParams,
          response: one,
        },
      },
      (request) => getPlacement({ ...command(request), placementId: request.params.placementId }),
    );

    app.put(
      '/:placementId/plan',
      {
        config: requires('placements.manage'),
        schema: {
          tags,
          summary: 'Save the plan; refused if the placement changed since the version you opened',
          params: placementParams,
          body: planSchema,
          response: one,
        },
      },
      (request) =>
        savePlan({ ...command(request), placementId: request.params.placementId, plan: request.body }),
    );

    app.post(
      '/:placementId/start',
      {
        config: requires('placements.manage'),
        schema: {
          tags,
          summary: 'Start the placement (refused, with each reason, until it may)',
          params: placementParams,
          response: one,
        },
      },
      (request) => startPlacement({ ...command(request), placementId: request.params.placementId }),
    );

    app.post(
      '/:placementId/local-authority',
      {
        config: requires('placements.manage'),
        schema: {
          tags,
          summary: 'Record when and how the local authority was told',
          params: placementParams,
          body: laInformedSchema,
          response: one,
        },
      },
      (request) =>
        recordLaInformed({
          ...command(request),
          placementId: request.params.placementId,
          input: request.body,
        }),
    );

    app.post(
      '/:placementId/reviews/:reviewId',
      {
        config: requires('placements.manage'),
        schema: {
          tags,
          summary: 'Complete a half-termly review',
          params: placementParams.extend({ reviewId: z.uuid({ message: 'Not a review id' }) }),
          body: reviewSchema,
          response: one,
        },
      },
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
      {
        config: requires('placements.manage'),
        schema: {
          tags,
          summary: 'Record a call, email, meeting, visit or letter about the placement',
          params: placementParams,
          body: z.strictObject({
            kind: z.enum(communicationKinds, { message: 'Choose call, email, meeting, visit or letter' }),
            occurredOn: isoDateSchema,
            withWhom: z.string().trim().min(1, 'Say who it was with').max(200),
            summary: z.string().trim().min(1, 'Summarise what was said or agreed').max(4000),
            followUp: z.string().trim().max(1000).default(''),
          }),
          response: one,
        },
      },
      (request) =>
        recordCommunication({
          ...command(request),
          placementId: request.params.placementId,
          input: request.body,
        }),
    );

    app.post(
      '/:placementId/shares',
      {
        config: requires('placements.manage'),
        schema: {
          tags,
          summary: 'Record information shared with the provider (optionally one of the pupil’s documents)',
          params: placementParams,
          body: shareSchema,
          response: one,
        },
      },
      (request) =>
        shareWithProvider({
          ...command(request),
          placementId: request.params.placementId,
          input: request.body,
        }),
    );

    app.get(
      '/:placementId/off-site-notice',
      {
        config: requires('placements.read'),
        schema: {
          tags,
          summary:
            'The written notice of an off-site direction as a PDF, to the parents or (EHCP) the local authority',
          params: placementParams,
          querystring: z.object({ to: z.enum(['parents', 'local_authority']).default('parents') }),
        },
      },
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
      {
        config: requires('placements.manage'),
        schema: {
          tags,
          summary: 'End the placement with its outcome',
          params: placementParams,
          body: endSchema,
          response: one,
        },
      },
      (request) =>
        endPlacement({ ...command(request), placementId: request.params.placementId, input: request.body }),
    );

    app.put(
      '/:placementId/destination',
      {
        config: requires('placements.manage'),
        schema: {
          tags,
          summary: 'Record what the young person did month by month after leaving; the DfE measure follows',
          params: placementParams,
          body: destinationSchema,
          response: one,
        },
      },
      (request) =>
        recordDestination({
          ...command(request),
          placementId: request.params.placementId,
          input: request.body,
        }),
    );
  };
}
