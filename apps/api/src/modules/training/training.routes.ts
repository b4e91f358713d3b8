import multipart from '@fastify/multipart';
import { todayInLondon } from '@waymark/domain';
import {
  apStaffSchema,
  effectivenessSchema,
  staffListSchema,
  trainingRecordSchema,
  trainingReviewSchema,
} from '@waymark/domain/contracts/training';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { attachmentHeaders, MAX_UPLOAD_BYTES, multipartLimits, readUpload } from '../../lib/uploads.ts';
import {
  addStaff,
  addTrainingRecord,
  attachCertificate,
  certificateOf,
  listStaff,
  recordTrainingReview,
  setSupportedPlacements,
  trainingEffectiveness,
} from './training.usecases.ts';

const operation = describedAs(['Staff training']);
const staffParams = z.object({ staffId: z.uuid({ message: 'Not a staff id' }) });
const recordParams = z.object({ recordId: z.uuid({ message: 'Not a training record id' }) });
const created = z.object({ id: z.uuid() });

export function trainingRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const today = () => todayInLondon(clock());
  return async (app) => {
    await app.register(multipart, { limits: multipartLimits });
    const command = (request: Parameters<typeof actorOf>[0] & { ip: string }) => ({
      db,
      actor: actorOf(request),
      ipAddress: request.ip,
      now: clock(),
    });

    app.get(
      '/staff',
      operation(
        requires('training.read'),
        'Staff who work in or support AP, with their training and needs reviews',
        { response: { 200: staffListSchema } },
      ),
      async (request) => ({ staff: await listStaff({ db, actor: actorOf(request), today: today() }) }),
    );

    app.post(
      '/staff',
      operation(requires('training.manage'), 'Add a member of staff who works in or supports AP', {
        body: apStaffSchema,
        response: { 201: created },
      }),
      async (request, reply) => reply.status(201).send(await addStaff(command(request), request.body)),
    );

    app.put(
      '/staff/:staffId/supports',
      operation(requires('training.manage'), 'The placements this person supports', {
        params: staffParams,
        body: z.strictObject({ placementIds: z.array(z.uuid()).max(200) }),
        response: { 204: z.null() },
      }),
      async (request, reply) => {
        await setSupportedPlacements(command(request), request.params.staffId, request.body.placementIds);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/staff/:staffId/records',
      operation(requires('training.manage'), 'Record a course completed', {
        params: staffParams,
        body: trainingRecordSchema,
        response: { 201: created },
      }),
      async (request, reply) =>
        reply
          .status(201)
          .send(await addTrainingRecord(command(request), request.params.staffId, request.body)),
    );

    app.post(
      '/staff/:staffId/reviews',
      operation(
        requires('training.manage'),
        'Record the annual training-needs review (the next is due a year later)',
        { params: staffParams, body: trainingReviewSchema, response: { 204: z.null() } },
      ),
      async (request, reply) => {
        await recordTrainingReview(command(request), request.params.staffId, request.body, today());
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/records/:recordId/certificate',
      {
        ...operation(
          requires('training.manage'),
          'File the certificate (multipart: file; PDF, PNG, JPEG or Word)',
          { consumes: ['multipart/form-data'], params: recordParams, response: { 204: z.null() } },
        ),
        bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
      },
      async (request, reply) => {
        const { file } = await readUpload(request);
        await attachCertificate(command(request), request.params.recordId, file);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/records/:recordId/certificate',
      operation(requires('training.read'), 'Download the certificate', { params: recordParams }),
      async (request, reply) => {
        const file = await certificateOf({ db, actor: actorOf(request) }, request.params.recordId);
        return reply.type(file.contentType).headers(attachmentHeaders(file)).send(file.content);
      },
    );

    app.get(
      '/effectiveness',
      operation(
        requires('training.read'),
        "Each person's current training beside the outcomes of the pupils they support",
        { response: { 200: effectivenessSchema } },
      ),
      async (request) => ({
        staff: await trainingEffectiveness({ db, actor: actorOf(request), today: today() }),
      }),
    );
  };
}
