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
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { createPupil, getPupil, listPupils, recordLeaving, updatePupil } from './pupils.usecases.ts';

const operation = describedAs(['Pupils']);

export function pupilsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/',
      operation(requires('pupils.read'), 'Pupils at your schools', {
        querystring: z.object({
          search: z.string().trim().max(100).optional(),
          schoolId: z.uuid().optional(),
        }),
        response: { 200: z.object({ pupils: z.array(pupilViewSchema) }) },
      }),
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
      operation(requires('pupils.manage'), 'Add a pupil', {
        body: pupilInputSchema,
        response: { 201: pupilViewSchema },
      }),
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createPupil({ ...command(request), input: request.body, today: todayInLondon(clock()) }),
          ),
    );

    app.get(
      '/:pupilId',
      operation(requires('pupils.read'), 'One pupil (the read is logged)', {
        params: pupilParams,
        response: { 200: pupilViewSchema },
      }),
      (request) =>
        getPupil({ ...command(request), pupilId: request.params.pupilId, today: todayInLondon(clock()) }),
    );

    app.put(
      '/:pupilId',
      operation(
        requires('pupils.manage'),
        'Change a pupil’s record; refused if it changed since the version you opened',
        { params: pupilParams, body: updatePupilBodySchema, response: { 200: pupilViewSchema } },
      ),
      (request) =>
        updatePupil({
          ...command(request),
          pupilId: request.params.pupilId,
          version: request.body.version,
          input: request.body.pupil,
          today: todayInLondon(clock()),
        }),
    );

    app.post(
      '/:pupilId/leaving',
      operation(
        requires('pupils.manage'),
        'Take the pupil off the school roll from a date: running placements end that day, referrals are cancelled',
        { params: pupilParams, body: leavingSchema, response: { 200: pupilViewSchema } },
      ),
      (request) =>
        recordLeaving({
          ...command(request),
          pupilId: request.params.pupilId,
          input: request.body,
          today: todayInLondon(clock()),
        }),
    );
  };
}
