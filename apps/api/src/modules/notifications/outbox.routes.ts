import {
  emailParamsSchema,
  emailViewSchema,
  outboxPageSchema,
  outboxQuerySchema,
} from '@waymark/domain/contracts/outbox';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { listOutbox, readEmail, retryEmail } from './outbox.usecases.ts';

const tags = ['Outbox'];

export function outboxRoutes({ db, config, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: requires('outbox.read'),
        schema: {
          tags,
          summary: 'Emails Waymark has sent or is sending for your group, newest first',
          querystring: outboxQuerySchema,
          response: { 200: outboxPageSchema },
        },
      },
      async (request) => {
        const { status, page, pageSize } = request.query;
        const result = await listOutbox({ db, actor: actorOf(request), status, page: { page, pageSize } });
        return { mailServerConfigured: config.mail.smtpUrl !== null, ...result };
      },
    );

    app.get(
      '/:emailId',
      {
        config: requires('outbox.read'),
        schema: {
          tags,
          summary: 'One email with its text',
          params: emailParamsSchema,
          response: { 200: emailViewSchema },
        },
      },
      (request) =>
        readEmail({ db, actor: actorOf(request), ipAddress: request.ip, emailId: request.params.emailId }),
    );

    app.post(
      '/:emailId/retry',
      {
        config: requires('outbox.manage'),
        schema: {
          tags,
          summary: 'Send a failed email again',
          params: emailParamsSchema,
          response: { 200: emailViewSchema },
        },
      },
      (request) =>
        retryEmail({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          emailId: request.params.emailId,
          now: clock(),
        }),
    );
  };
}
