import {
  emailParamsSchema,
  emailViewSchema,
  outboxPageSchema,
  outboxQuerySchema,
} from '@waymark/domain/contracts/outbox';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { listOutbox, readEmail, retryEmail } from './outbox.usecases.ts';

const operation = describedAs(['Outbox']);

export function outboxRoutes({ db, config, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/',
      operation(
        requires('outbox.read'),
        'Emails Waymark has sent or is sending for your group, newest first',
        { querystring: outboxQuerySchema, response: { 200: outboxPageSchema } },
      ),
      async (request) => {
        const { status, page, pageSize } = request.query;
        const result = await listOutbox({ db, actor: actorOf(request), status, page: { page, pageSize } });
        return { mailServerConfigured: config.mail.smtpUrl !== null, ...result };
      },
    );

    app.get(
      '/:emailId',
      operation(requires('outbox.read'), 'One email with its text', {
        params: emailParamsSchema,
        response: { 200: emailViewSchema },
      }),
      (request) => readEmail({ ...command(request), emailId: request.params.emailId }),
    );

    app.post(
      '/:emailId/retry',
      operation(requires('outbox.manage'), 'Send a failed email again', {
        params: emailParamsSchema,
        response: { 200: emailViewSchema },
      }),
      (request) => retryEmail({ ...command(request), emailId: request.params.emailId, now: clock() }),
    );
  };
}
