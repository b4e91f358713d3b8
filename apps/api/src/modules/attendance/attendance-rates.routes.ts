import { addDays, isoDateSchema } from '@waymark/domain';
import { session } from '@waymark/domain/contracts/attendance';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { openInterventions, updateIntervention } from './interventions.usecases.ts';
import { pupilAttendance } from './pupil-attendance.ts';
import { attendanceRates, providerTrends } from './rates.ts';

const tags = ['Attendance'];
export const interventionBodySchema = z.union([
  z.strictObject({
    action: z.string().trim().min(1, 'Say what will be done').max(1000),
    owner: z.string().trim().min(1, 'Say who will do it').max(200),
    reviewOn: isoDateSchema,
  }),
  z.strictObject({ outcome: z.string().trim().min(1, 'Say how it ended').max(1000) }),
]);

export function attendanceRatesRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/attendance/rates',
      {
        config: requires('attendance.read'),
        schema: {
          tags,
          summary: 'Attendance for a period by placement, provider or school, with absence flags and targets',
          querystring: z.object({
            from: isoDateSchema,
            to: isoDateSchema,
            by: z.enum(['placement', 'provider', 'school']).default('placement'),
          }),
          response: {
            200: z.object({
              rates: z.array(
                z.object({
                  id: z.uuid(),
                  label: z.string(),
                  possible: z.number().int(),
                  attended: z.number().int(),
                  authorised: z.number().int(),
                  unauthorised: z.number().int(),
                  attendancePercent: z.number().nullable(),
                  absencePercent: z.number().nullable(),
                  persistentAbsence: z.boolean(),
                  severeAbsence: z.boolean(),
                  targetPercent: z.number().int().nullable(),
                  belowTarget: z.boolean(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({
        rates: await attendanceRates({ db, actor: actorOf(request), ...request.query }),
      }),
    );

    app.get(
      '/attendance/trends',
      {
        config: requires('attendance.read'),
        schema: {
          tags,
          summary: 'Each provider’s attendance week by week over a period',
          querystring: z.object({ from: isoDateSchema, to: isoDateSchema }),
          response: {
            200: z.object({
              providers: z.array(
                z.object({
                  providerId: z.uuid(),
                  providerName: z.string(),
                  weeks: z.array(
                    z.object({
                      weekStarting: z.string(),
                      possible: z.number().int(),
                      attendancePercent: z.number().nullable(),
                    }),
                  ),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({
        providers: await providerTrends({ db, actor: actorOf(request), ...request.query }),
      }),
    );

    app.get(
      '/attendance/interventions',
      {
        config: requires('attendance.read'),
        schema: {
          tags,
          summary: 'Open attendance interventions (opened when a placement falls below its target)',
          response: {
            200: z.object({
              interventions: z.array(
                z.object({
                  id: z.uuid(),
                  placementId: z.uuid(),
                  pupilName: z.string(),
                  providerName: z.string(),
                  openedOn: z.string(),
                  attendancePercentAtOpening: z.number().int(),
                  targetPercent: z.number().int(),
                  action: z.string().nullable(),
                  owner: z.string().nullable(),
                  reviewOn: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ interventions: await openInterventions({ db, actor: actorOf(request) }) }),
    );

    app.put(
      '/attendance/interventions/:interventionId',
      {
        config: requires('attendance.manage'),
        schema: {
          tags,
          summary: 'Plan an intervention: action, owner, review date; or close it with its outcome',
          params: z.object({ interventionId: z.uuid({ message: 'Not an intervention id' }) }),
          body: interventionBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await updateIntervention({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          interventionId: request.params.interventionId,
          input: request.body,
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/attendance/pupils/:pupilId',
      {
        config: requires('attendance.read'),
        schema: {
          tags,
          summary: 'A pupil’s marks and attendance rate for a period (the read is logged)',
          params: z.object({ pupilId: z.uuid({ message: 'Not a pupil id' }) }),
          querystring: z
            .object({ from: isoDateSchema, to: isoDateSchema })
            .refine((q) => q.from <= q.to, { message: 'The end is before the start', path: ['to'] })
            .refine((q) => q.to <= addDays(q.from, 366), {
              message: 'Ask for a year at most',
              path: ['to'],
            }),
          response: {
            200: z.object({
              marks: z.array(z.object({ date: z.string(), session, code: z.string(), late: z.boolean() })),
              days: z.array(
                z.object({
                  date: z.string(),
                  schoolDay: z.boolean(),
                  reason: z.enum(['weekend', 'holiday', 'bank_holiday', 'inset', 'closure']).nullable(),
                  note: z.string().nullable(),
                }),
              ),
              rate: z.object({
                possible: z.number().int(),
                attended: z.number().int(),
                authorised: z.number().int(),
                unauthorised: z.number().int(),
                attendancePercent: z.number().nullable(),
                absencePercent: z.number().nullable(),
                persistentAbsence: z.boolean(),
                severeAbsence: z.boolean(),
              }),
            }),
          },
        },
      },
      (request) =>
        pupilAttendance({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          pupilId: request.params.pupilId,
          ...request.query,
        }),
    );
  };
}
