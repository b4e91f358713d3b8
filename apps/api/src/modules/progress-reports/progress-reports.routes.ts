import { todayInLondon } from '@waymark/domain';
import { placementParams } from '@waymark/domain/contracts/placements';
import {
  progressReportBodySchema,
  progressReportSchema,
  progressReportsDueSchema,
} from '@waymark/domain/contracts/progress-reports';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import {
  portalProgressReports,
  progressReportsDue,
  schoolProgressReports,
  sendProgressReport,
} from './progress-reports.usecases.ts';

const portalOperation = describedAs(['Provider portal']);
const schoolOperation = describedAs(['Placements']);
const reportList = z.object({ reports: z.array(progressReportSchema) });

export function progressReportsRoutes({ db, clock, config }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.post(
      '/portal/placements/:placementId/progress-reports',
      portalOperation(
        requires('portal.use'),
        'Provider portal: send a progress report on a pupil (an Idempotency-Key header makes a retry safe)',
        {
          params: placementParams,
          headers: z.object({
            'idempotency-key': z
              .string()
              .trim()
              .min(8, 'An idempotency key is at least 8 characters')
              .max(100, 'An idempotency key is at most 100 characters')
              .optional(),
          }),
          body: progressReportBodySchema,
          response: { 201: progressReportSchema },
        },
      ),
      async (request, reply) => {
        const now = clock();
        const report = await sendProgressReport({
          ...command(request),
          now,
          today: todayInLondon(now),
          publicUrl: config.publicUrl,
          placementId: request.params.placementId,
          input: request.body,
          idempotencyKey: request.headers['idempotency-key'],
        });
        return reply.status(201).send(report);
      },
    );

    app.get(
      '/portal/progress-reports/due',
      portalOperation(
        requires('portal.use'),
        'Provider portal: the progress reports owed this half-term, one per pupil placed since it began with none yet, soonest due first',
        { response: { 200: progressReportsDueSchema } },
      ),
      (request) => progressReportsDue(db, actorOf(request), todayInLondon(clock())),
    );

    app.get(
      '/portal/placements/:placementId/progress-reports',
      portalOperation(
        requires('portal.use'),
        'Provider portal: the progress reports you have sent on a pupil',
        { params: placementParams, response: { 200: reportList } },
      ),
      (request) => portalProgressReports(db, actorOf(request), request.params.placementId),
    );

    app.get(
      '/placements/:placementId/progress-reports',
      schoolOperation(
        requires('placements.read'),
        'The provider’s progress reports on a placement, newest first',
        { params: placementParams, response: { 200: reportList } },
      ),
      (request) => schoolProgressReports({ ...command(request), placementId: request.params.placementId }),
    );
  };
}
