import { addDays, isoDateSchema } from '@waymark/domain';
import {
  interventionBodySchema,
  interventionsResponseSchema,
  pupilAttendanceResponseSchema,
  ratesResponseSchema,
  trendsResponseSchema,
} from '@waymark/domain/contracts/attendance';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { openInterventions, updateIntervention } from './interventions.usecases.ts';
import { pupilAttendance } from './pupil-attendance.ts';
import { attendanceRates, providerTrends } from './rates.ts';

const operation = describedAs(['Attendance']);

export function attendanceRatesRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/attendance/rates',
      operation(
        requires('attendance.read'),
        'Attendance for a period by placement, provider or school, with absence flags and targets',
        {
          querystring: z.object({
            from: isoDateSchema,
            to: isoDateSchema,
            by: z.enum(['placement', 'provider', 'school']).default('placement'),
          }),
          response: {
            200: ratesResponseSchema,
          },
        },
      ),
      async (request) => ({
        rates: await attendanceRates({ db, actor: actorOf(request), ...request.query }),
      }),
    );

    app.get(
      '/attendance/trends',
      operation(requires('attendance.read'), 'Each provider’s attendance week by week over a period', {
        querystring: z.object({ from: isoDateSchema, to: isoDateSchema }),
        response: {
          200: trendsResponseSchema,
        },
      }),
      async (request) => ({
        providers: await providerTrends({ db, actor: actorOf(request), ...request.query }),
      }),
    );

    app.get(
      '/attendance/interventions',
      operation(
        requires('attendance.read'),
        'Open attendance interventions (opened when a placement falls below its target)',
        {
          response: {
            200: interventionsResponseSchema,
          },
        },
      ),
      async (request) => ({ interventions: await openInterventions({ db, actor: actorOf(request) }) }),
    );

    app.put(
      '/attendance/interventions/:interventionId',
      operation(
        requires('attendance.manage'),
        'Plan an intervention: action, owner, review date; or close it with its outcome',
        {
          params: z.object({ interventionId: z.uuid({ message: 'Not an intervention id' }) }),
          body: interventionBodySchema,
          response: { 204: z.null() },
        },
      ),
      async (request, reply) => {
        await updateIntervention({
          ...command(request),
          interventionId: request.params.interventionId,
          input: request.body,
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/attendance/pupils/:pupilId',
      operation(
        requires('attendance.read'),
        'A pupil’s marks and attendance rate for a period (the read is logged)',
        {
          params: z.object({ pupilId: z.uuid({ message: 'Not a pupil id' }) }),
          querystring: z
            .object({ from: isoDateSchema, to: isoDateSchema })
            .refine((q) => q.from <= q.to, { message: 'The end is before the start', path: ['to'] })
            .refine((q) => q.to <= addDays(q.from, 366), {
              message: 'Ask for a year at most',
              path: ['to'],
            }),
          response: {
            200: pupilAttendanceResponseSchema,
          },
        },
      ),
      (request) =>
        pupilAttendance({ ...command(request), pupilId: request.params.pupilId, ...request.query }),
    );
  };
}
