import multipart from '@fastify/multipart';
import {
  closureSchema,
  incidentActionSchema,
  incidentReportSchema,
  referralSchema,
  todayInLondon,
  triageSchema,
} from '@waymark/domain';
import {
  behaviourEntrySchema,
  chronologySchema,
  incidentDetailSchema,
  incidentParams,
  incidentSummarySchema,
  portalIncidentSchema,
} from '@waymark/domain/contracts/incidents';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reachOf } from '../../lib/actor.ts';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { attachmentHeaders, MAX_UPLOAD_BYTES, multipartLimits, readUpload } from '../../lib/uploads.ts';
import { attachToIncident, downloadIncidentAttachment } from './attachments.usecases.ts';
import { behaviourLog, portalIncidents, pupilChronology } from './chronology.usecases.ts';
import { findIncidentForStaff, managePermissionFor, mayReadDetail, schoolIdsIn } from './incident-access.ts';
import { incidentDetail, listIncidents, logIncidentRead, reportIncident } from './incidents.usecases.ts';
import {
  addIncidentAction,
  closeIncident,
  completeIncidentAction,
  recordReferral,
  triageIncident,
} from './workflow.usecases.ts';

const operation = describedAs(['Concerns and incidents']);
const created = z.object({ id: z.uuid() });
const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .trim()
    .min(8, 'An idempotency key is at least 8 characters')
    .max(100, 'An idempotency key is at most 100 characters')
    .optional(),
});

export function incidentsRoutes({ db, clock, config }: AppDependencies): FastifyPluginAsyncZod {
  const today = () => todayInLondon(clock());
  const command = commandOf(db);
  return async (app) => {
    await app.register(multipart, { limits: multipartLimits });

    app.get(
      '/incidents',
      operation(
        requires('incidents.read'),
        'Concerns and incidents at your schools; safeguarding ones in detail only for DSLs',
        {
          querystring: z.object({ status: z.enum(['open', 'closed', 'all']).default('open') }),
          response: { 200: z.object({ incidents: z.array(incidentSummarySchema) }) },
        },
      ),
      async (request) => ({
        incidents: await listIncidents({ db, actor: actorOf(request), status: request.query.status }),
      }),
    );

    app.post(
      '/incidents',
      operation(
        requires('incidents.report'),
        'Record a concern or incident school staff saw or were told about (Idempotency-Key as in the portal)',
        { headers: idempotencyHeaders, body: incidentReportSchema, response: { 201: created } },
      ),
      async (request, reply) => {
        const { id } = await reportIncident({
          ...command(request),
          now: clock(),
          publicUrl: config.publicUrl,
          source: 'school',
          input: request.body,
          idempotencyKey: request.headers['idempotency-key'],
        });
        return reply.status(201).send({ id });
      },
    );

    app.get(
      '/incidents/:incidentId',
      operation(
        requires('incidents.read'),
        'One concern or incident: detail for those who may read it (the reading is logged)',
        { params: incidentParams, response: { 200: incidentDetailSchema } },
      ),
      async (request) => {
        const actor = actorOf(request);
        return db.transaction(async (tx) => {
          const found = await findIncidentForStaff(tx, actor, request.params.incidentId);
          const detail = mayReadDetail(found.sight, found.incident);
          if (detail) await logIncidentRead(tx, { actor, ipAddress: request.ip }, found.incident);
          const managers = await schoolIdsIn(
            tx,
            actor,
            reachOf(actor, managePermissionFor(found.incident.kind)),
          );
          return {
            ...(await incidentDetail(tx, found, detail)),
            canManage: managers.has(found.incident.schoolId),
          };
        });
      },
    );

    const step = (
      request: { ip: string; params: { incidentId: string } } & Parameters<typeof actorOf>[0],
    ) => ({ ...command(request), now: clock(), incidentId: request.params.incidentId });

    app.post(
      '/incidents/:incidentId/triage',
      operation(
        requires('incidents.read'),
        'Triage: the level of response and why (DSLs for safeguarding concerns)',
        { params: incidentParams, body: triageSchema, response: { 204: z.null() } },
      ),
      async (request, reply) => {
        await triageIncident(step(request), request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/incidents/:incidentId/actions',
      operation(requires('incidents.read'), 'Add an action with its owner and due date', {
        params: incidentParams,
        body: incidentActionSchema,
        response: { 201: created },
      }),
      async (request, reply) => reply.status(201).send(await addIncidentAction(step(request), request.body)),
    );

    app.post(
      '/incidents/:incidentId/actions/:actionId/done',
      operation(requires('incidents.read'), 'Mark an action done today', {
        params: incidentParams.extend({ actionId: z.uuid({ message: 'Not an action id' }) }),
        response: { 204: z.null() },
      }),
      async (request, reply) => {
        await completeIncidentAction({ ...step(request), actionId: request.params.actionId, today: today() });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/incidents/:incidentId/referrals',
      operation(
        requires('incidents.read'),
        "Record a referral to children's social care, the LADO, police or another agency",
        { params: incidentParams, body: referralSchema, response: { 201: created } },
      ),
      async (request, reply) =>
        reply.status(201).send(await recordReferral({ ...step(request), today: today() }, request.body)),
    );

    app.post(
      '/incidents/:incidentId/close',
      operation(requires('incidents.read'), 'Close with the outcome (after triage, with every action done)', {
        params: incidentParams,
        body: closureSchema,
        response: { 204: z.null() },
      }),
      async (request, reply) => {
        await closeIncident(step(request), request.body);
        return reply.status(204).send(null);
      },
    );

    const attachmentRoutes = (side: 'portal' | 'school', prefix: string) => {
      app.post(
        `${prefix}/:incidentId/attachments`,
        {
          ...operation(
            requires(side === 'portal' ? 'portal.use' : 'incidents.read'),
            'Attach a body map, photograph or statement (multipart: description, file; PDF, PNG, JPEG or Word)',
            { consumes: ['multipart/form-data'], params: incidentParams, response: { 201: created } },
          ),
          bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
        },
        async (request, reply) => {
          const { fields, file } = await readUpload(request);
          const result = await attachToIncident({
            ...command(request),
            now: clock(),
            incidentId: request.params.incidentId,
            side,
            description: fields.description ?? '',
            file,
          });
          return reply.status(201).send(result);
        },
      );
      app.get(
        `${prefix}/:incidentId/attachments/:attachmentId`,
        operation(
          requires(side === 'portal' ? 'portal.use' : 'incidents.read'),
          'Download an attachment (logged)',
          { params: incidentParams.extend({ attachmentId: z.uuid({ message: 'Not an attachment id' }) }) },
        ),
        async (request, reply) => {
          const file = await downloadIncidentAttachment({
            ...command(request),
            incidentId: request.params.incidentId,
            attachmentId: request.params.attachmentId,
            side,
          });
          return reply.type(file.contentType).headers(attachmentHeaders(file)).send(file.content);
        },
      );
    };
    attachmentRoutes('school', '/incidents');
    attachmentRoutes('portal', '/portal/incidents');

    app.get(
      '/pupils/:pupilId/chronology',
      operation(
        requires('safeguarding.read'),
        "A pupil's safeguarding chronology: every concern and every step taken, oldest first (logged)",
        {
          params: z.object({ pupilId: z.uuid({ message: 'Not a pupil id' }) }),
          response: { 200: chronologySchema },
        },
      ),
      async (request) =>
        db.transaction((tx) =>
          pupilChronology({
            db: tx,
            actor: actorOf(request),
            ipAddress: request.ip,
            pupilId: request.params.pupilId,
          }),
        ),
    );

    app.get(
      '/placements/:placementId/behaviour',
      operation(
        requires('placements.read'),
        "A placement's behaviour log: behaviour and restraint reports, newest first",
        {
          params: z.object({ placementId: z.uuid({ message: 'Not a placement id' }) }),
          response: { 200: z.object({ entries: z.array(behaviourEntrySchema) }) },
        },
      ),
      async (request) => ({
        entries: await behaviourLog({ db, actor: actorOf(request), placementId: request.params.placementId }),
      }),
    );

    app.get(
      '/portal/incidents',
      operation(
        requires('portal.use'),
        'Provider portal: the concerns and incidents you have reported, and where each stands',
        { response: { 200: z.object({ incidents: z.array(portalIncidentSchema) }) } },
      ),
      async (request) => ({ incidents: await portalIncidents({ db, actor: actorOf(request) }) }),
    );

    app.post(
      '/portal/incidents',
      operation(
        requires('portal.use'),
        'Provider portal: report a concern or incident. Send an Idempotency-Key header so a retried report is recorded once',
        { headers: idempotencyHeaders, body: incidentReportSchema, response: { 201: created, 200: created } },
      ),
      async (request, reply) => {
        const result = await reportIncident({
          ...command(request),
          now: clock(),
          publicUrl: config.publicUrl,
          source: 'portal',
          input: request.body,
          idempotencyKey: request.headers['idempotency-key'],
        });
        return reply.status(result.alreadyReported ? 200 : 201).send({ id: result.id });
      },
    );
  };
}
