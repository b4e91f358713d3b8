import { isoDateSchema } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { providerParamsSchema } from './providers.schemas.ts';
import { getSla, recordSla } from './sla.usecases.ts';

const tags = ['Provider directory'];
const clause = (what: string) => z.string().trim().min(1, `Say what was agreed on ${what}`).max(2000);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 10:00');

export const slaBodySchema = z
  .strictObject({
    safeguarding: clause('safeguarding'),
    dataSharing: clause('data sharing'),
    attendanceAmBy: time,
    attendancePmBy: time,
    attendanceMethod: clause('how attendance is reported'),
    complaints: clause('complaints'),
    escalation: clause('escalation'),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    signedDocumentId: z
      .uuid({ message: 'Choose the signed copy from the documents on file' })
      .nullable()
      .default(null),
  })
  .refine((b) => b.attendanceAmBy < b.attendancePmBy, {
    message: 'The afternoon time must be after the morning time',
    path: ['attendancePmBy'],
  })
  .refine((b) => b.startsOn < b.endsOn, {
    message: 'The agreement must end after it starts',
    path: ['endsOn'],
  });

const slaView = z.object({
  sla: z
    .object({
      id: z.uuid(),
      safeguarding: z.string(),
      dataSharing: z.string(),
      attendanceAmBy: z.string(),
      attendancePmBy: z.string(),
      attendanceMethod: z.string(),
      complaints: z.string(),
      escalation: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      signedDocumentId: z.uuid().nullable(),
      recordedAt: z.iso.datetime(),
    })
    .nullable(),
});

export function slaRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/:providerId/sla',
      {
        config: requires('providers.read'),
        schema: {
          tags,
          summary: 'The current SLA with a provider',
          params: providerParamsSchema,
          response: { 200: slaView },
        },
      },
      (request) => getSla({ db, actor: actorOf(request), providerId: request.params.providerId }),
    );
    app.put(
      '/:providerId/sla',
      {
        config: requires('providers.manage'),
        schema: {
          tags,
          summary: 'Record the SLA (each change is kept)',
          params: providerParamsSchema,
          body: slaBodySchema,
          response: { 200: slaView },
        },
      },
      (request) =>
        recordSla({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          providerId: request.params.providerId,
          terms: request.body,
        }),
    );
  };
}
