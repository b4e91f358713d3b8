import { todayInLondon } from '@waymark/domain';
import {
  createdSchema,
  qaActionBodySchema,
  qaScheduleSchema,
  qaVisitSchema,
  saveVisitBodySchema,
  startVisitBodySchema,
  visitParams,
} from '@waymark/domain/contracts/qa';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import {
  addQaAction,
  completeQaAction,
  completeVisit,
  getVisit,
  qaSchedule,
  saveVisitDraft,
  startVisit,
} from './qa.usecases.ts';
import { renderQaVisitPdf } from './qa-pdf.ts';

const operation = describedAs(['QA visits']);
export function qaRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const today = () => todayInLondon(clock());
  return async (app) => {
    const command = (request: Parameters<typeof actorOf>[0] & { ip: string }) => ({
      db,
      actor: actorOf(request),
      ipAddress: request.ip,
      now: clock(),
    });

    app.get(
      '/schedule',
      operation(
        requires('qa.read'),
        'QA visits due this term and last: one per provider per term for each school with pupils there',
        { response: { 200: qaScheduleSchema } },
      ),
      async (request) => ({ visits: await qaSchedule({ db, actor: actorOf(request), today: today() }) }),
    );

    app.post(
      '/visits',
      operation(requires('qa.manage'), 'Start a QA visit (a draft to fill in during the visit)', {
        body: startVisitBodySchema,
        response: { 201: createdSchema },
      }),
      async (request, reply) => reply.status(201).send(await startVisit(command(request), request.body)),
    );

    app.get(
      '/visits/:visitId',
      operation(requires('qa.read'), 'A QA visit with the Appendix 5 form, pupils placed and actions', {
        params: visitParams,
        response: { 200: qaVisitSchema },
      }),
      async (request) => getVisit({ db, actor: actorOf(request), visitId: request.params.visitId }),
    );

    app.put(
      '/visits/:visitId',
      operation(
        requires('qa.manage'),
        'Save the visit as a draft (send the version you loaded; a newer save elsewhere is a 409)',
        { params: visitParams, body: saveVisitBodySchema, response: { 204: z.null() } },
      ),
      async (request, reply) => {
        await saveVisitDraft(command(request), request.params.visitId, request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/visits/:visitId/complete',
      operation(
        requires('qa.manage'),
        'Complete the visit: every line judged (the refusal lists those that are not)',
        { params: visitParams, response: { 204: z.null() } },
      ),
      async (request, reply) => {
        await completeVisit(command(request), request.params.visitId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/visits/:visitId/actions',
      operation(requires('qa.manage'), 'Agree an action with the provider, with its owner and due date', {
        params: visitParams,
        body: qaActionBodySchema,
        response: { 201: createdSchema },
      }),
      async (request, reply) =>
        reply.status(201).send(await addQaAction(command(request), request.params.visitId, request.body)),
    );

    app.post(
      '/actions/:actionId/done',
      operation(requires('qa.manage'), 'Mark an agreed action done today', {
        params: z.object({ actionId: z.uuid({ message: 'Not an action id' }) }),
        response: { 204: z.null() },
      }),
      async (request, reply) => {
        await completeQaAction(command(request), request.params.actionId, today());
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/visits/:visitId/report.pdf',
      operation(requires('qa.read'), 'The visit report as a PDF to send to the provider', {
        params: visitParams,
      }),
      async (request, reply) => {
        const visit = await getVisit({ db, actor: actorOf(request), visitId: request.params.visitId });
        const pdf = await renderQaVisitPdf(visit);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="qa-visit-${visit.visitOn}.pdf"`)
          .send(pdf);
      },
    );
  };
}
