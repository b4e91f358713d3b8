import { todayInLondon } from '@waymark/domain';
import {
  leavingSchema,
  pupilInputSchema,
  pupilParams,
  pupilViewSchema,
  updatePupilBodySchema,
} from '@waymark/domain/contracts/pupils';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { createPupil, getPupil, listPupils, recordLeaving, updatePupil } from './pupils.usecases.ts';

const tags = ['Pupils'];

export function pupilsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: requires('pupils.read'),
        schema: {
          tags,
          summary: 'Pupils at your schools',
          querystring: z.object({
            search: z.string().trim().max(100).optional(),
            schoolId: z.uuid().optional(),
          }),
          response: { 200: z.object({ pupils: z.array(pupilViewSchema) }) },
        },
      },
      async (request) => ({
        pupils: await listPupils({
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
        config: requires('pupils.manage'),
        schema: { tags, summary: 'Add a pupil', body: pupilInputSchema, response: { 201: pupilViewSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(
          await createPupil({
            db,
            actor: actorOf(request),
            ipAddress: request.ip,
            input: request.body,
            today: todayInLondon(clock()),
          }),
        ),
    );

    app.get(
      '/:pupilId',
      {
        config: requires('pupils.read'),
        schema: {
          tags,
          summary: 'One pupil (the read is logged)',
          params: pupilParams,
          response: { 200: pupilViewSchema },
        },
      },
      (request) =>
        getPupil({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          pupilId: request.params.pupilId,
          today: todayInLondon(clock()),
        }),
    );

    app.put(
      '/:pupilId',
      {
        config: requires('pupils.manage'),
        schema: {
          tags,
          summary: 'Change a pupil’s record; refused if it changed since the version you opened',
          params: pupilParams,
          body: updatePupilBodySchema,
          response: { 200: pupilViewSchema },
        },
      },
      (request) =>
        updatePupil({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          pupilId: request.params.pupilId,
          version: request.body.version,
          input: request.body.pupil,
          today: todayInLondon(clock()),
        }),
    );

    app.post(
      '/:pupilId/leaving',
      {
        config: requires('pupils.manage'),
        schema: {
          tags,
          summary:
            'Take the pupil off the school roll from a date: running placements end that day, referrals are cancelled',
          params: pupilParams,
          body: leavingSchema,
          response: { 200: pupilViewSchema },
        },
      },
      (request) =>
        recordLeaving({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          pupilId: request.params.pupilId,
          input: request.body,
          today: todayInLondon(clock()),
        }),
    );
  };
}
