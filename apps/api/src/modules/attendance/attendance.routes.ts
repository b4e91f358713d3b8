import { absenceReasons, callSteps, isoDateSchema, providerMarks, todayInLondon } from '@waymark/domain';
import {
  boardSchema,
  callParams,
  closureBodySchema,
  closureListSchema,
  marksRecordedSchema,
  registerCsvBodySchema,
  registerCsvPreviewSchema,
  registerDaysSchema,
  registerSchema,
  session,
} from '@waymark/domain/contracts/attendance';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { attendanceBoard, closeCall, logCallStep } from './board.usecases.ts';
import { listClosures, recordClosure } from './closures.ts';
import { portalRegister, submitRegister } from './register.usecases.ts';
import { registerDays } from './register-days.ts';
import { exportRegister } from './register-export.ts';
import { previewRegisterCsv, uploadRegisterCsv } from './register-import.ts';

const operation = describedAs(['Attendance']);
export const submitRegisterBodySchema = z.strictObject({
  date: isoDateSchema,
  session,
  marks: z
    .array(
      z.strictObject({
        placementId: z.uuid({ message: 'Not a placement id' }),
        mark: z.enum(providerMarks, { message: 'Choose present, late or absent' }),
        reason: z.enum(absenceReasons, { message: 'Choose a reason from the list' }).optional(),
        correctionReason: z.string().trim().max(500).optional(),
      }),
    )
    .min(1, 'Mark at least one pupil')
    .max(200),
});

export const callStepBodySchema = z.strictObject({
  step: z.enum(callSteps, { message: 'Choose a call or an escalation step' }),
  called: z.string().trim().max(200).default(''),
  number: z.string().trim().max(40).default(''),
  outcome: z.string().trim().min(1, 'Say what happened').max(2000),
  safeAndWell: z.boolean().default(false),
});

export const closeCallBodySchema = z.strictObject({
  reasonFound: z.enum(absenceReasons, { message: 'Choose the reason found' }).refine((r) => r !== 'unknown', {
    message: 'Choose the reason found; a call cannot close with the reason still unknown',
  }),
  note: z.string().trim().min(1, 'Say how the reason was found').max(2000),
});

export function attendanceRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    const today = () => todayInLondon(clock());

    app.get(
      '/portal/register',
      operation(
        requires('portal.use'),
        'Provider portal: the pupils expected with you on a date (today by default), with marks so far',
        { querystring: z.object({ date: isoDateSchema.optional() }), response: { 200: registerSchema } },
      ),
      (request) => portalRegister({ db, actor: actorOf(request), date: request.query.date ?? today() }),
    );

    app.get(
      '/portal/register/days',
      operation(
        requires('portal.use'),
        'Provider portal: the days before and after a date that expect pupils with you, and on a day that expects none, why not',
        { querystring: z.object({ date: isoDateSchema.optional() }), response: { 200: registerDaysSchema } },
      ),
      (request) => registerDays({ db, actor: actorOf(request), date: request.query.date ?? today() }),
    );

    app.post(
      '/portal/register',
      operation(
        requires('portal.use'),
        'Provider portal: submit marks for a session (the same mark again changes nothing; a change needs a reason)',
        { body: submitRegisterBodySchema, response: { 200: z.object({ recorded: z.number().int() }) } },
      ),
      (request) =>
        submitRegister({
          ...command(request),
          ...request.body,
          now: clock(),
          today: today(),
          source: 'portal',
        }),
    );

    app.get(
      '/portal/closures',
      operation(requires('portal.use'), 'Provider portal: days you will be closed', {
        response: { 200: closureListSchema },
      }),
      async (request) => ({ closures: await listClosures({ db, actor: actorOf(request), today: today() }) }),
    );

    app.post(
      '/portal/closures',
      operation(
        requires('portal.use'),
        'Provider portal: record a day you are closed; no register is expected that day',
        { body: closureBodySchema, response: { 201: closureListSchema } },
      ),
      async (request, reply) => {
        const actor = actorOf(request);
        await recordClosure({ db, actor, ipAddress: request.ip, input: request.body });
        return reply.status(201).send({ closures: await listClosures({ db, actor, today: today() }) });
      },
    );

    app.post(
      '/portal/register/csv/preview',
      operation(
        requires('portal.use'),
        'Provider portal: check a register CSV (Date, Session, UPN, Mark, Reason) row by row; records nothing',
        { body: registerCsvBodySchema, response: { 200: registerCsvPreviewSchema } },
      ),
      (request) =>
        previewRegisterCsv({ db, actor: actorOf(request), content: request.body.content, today: today() }),
    );

    app.post(
      '/portal/register/csv',
      operation(
        requires('portal.use'),
        'Provider portal: record every mark in a register CSV, or none if any row is wrong',
        { body: registerCsvBodySchema, response: { 200: marksRecordedSchema } },
      ),
      (request) =>
        uploadRegisterCsv({
          ...command(request),
          content: request.body.content,
          today: today(),
          now: clock(),
        }),
    );

    app.get(
      '/attendance/board',
      operation(
        requires('attendance.read'),
        'The day’s board: expected pupils, reported or not, and open first-day calls',
        { querystring: z.object({ date: isoDateSchema.optional() }), response: { 200: boardSchema } },
      ),
      (request) =>
        attendanceBoard({ db, actor: actorOf(request), date: request.query.date ?? today(), now: clock() }),
    );

    app.post(
      '/attendance/calls/:callId/log',
      operation(
        requires('attendance.manage'),
        'Log a call or an escalation step (DSL informed, home visit, missing-education referral)',
        { params: callParams, body: callStepBodySchema, response: { 204: z.null() } },
      ),
      async (request, reply) => {
        await logCallStep({
          ...command(request),
          callId: request.params.callId,
          input: request.body,
          now: clock(),
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/attendance/calls/:callId/close',
      operation(
        requires('attendance.manage'),
        'Close a first-day call with the reason found; the day’s N marks take its code',
        { params: callParams, body: closeCallBodySchema, response: { 204: z.null() } },
      ),
      async (request, reply) => {
        await closeCall({
          ...command(request),
          callId: request.params.callId,
          input: request.body,
          now: clock(),
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/attendance/export',
      operation(
        requires('attendance.read'),
        'The register codes as CSV for the MIS: UPN, date, session, code',
        { querystring: z.object({ schoolId: z.uuid().optional(), from: isoDateSchema, to: isoDateSchema }) },
      ),
      async (request, reply) => {
        const csv = await exportRegister({ db, actor: actorOf(request), ...request.query });
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="register-${request.query.from}-to-${request.query.to}.csv"`,
          )
          .send(csv);
      },
    );
  };
}
