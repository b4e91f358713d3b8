import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { pageInfoSchema, pageQuerySchema } from '../../lib/pagination.ts';
import { requires } from '../../lib/policy.ts';
import { emailStatuses } from './notifications.table.ts';
import { listOutbox, readEmail, retryEmail } from './outbox.usecases.ts';

const tags = ['Outbox'];

const emailSummarySchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  toAddress: z.string(),
  toName: z.string().nullable(),
  subject: z.string(),
  status: z.enum(emailStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
const emailViewSchema = emailSummarySchema.extend({ bodyText: z.string(), messageId: z.string().nullable() });
const emailParamsSchema = z.object({ emailId: z.uuid({ message: 'Not an email id' }) });

export function outboxRoutes({ db, config, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: requires('outbox.read'),
        schema: {
          tags,
          summary: 'Emails Waymark has sent or is sending for your group, newest first',
          querystring: pageQuerySchema.extend({ status: z.enum(emailStatuses).optional() }),
          response: {
            200: z.object({
              mailServerConfigured: z.boolean(),
              emails: z.array(emailSummarySchema),
              pageInfo: pageInfoSchema,
            }),
          },
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
