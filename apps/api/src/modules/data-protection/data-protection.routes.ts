import {
  type RetentionKind,
  retentionKinds,
  retentionOverrideSchema,
  retentionReviewSchema,
  todayInLondon,
} from '@waymark/domain';
import {
  retentionReportSchema,
  sharingQuerySchema,
  sharingRecordSchema,
} from '@waymark/domain/contracts/data-protection';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { sharingRecord } from '../placements/sharing-record.ts';
import { deleteRetainedDocument } from './kept-documents.usecases.ts';
import {
  deleteOldRegisterEntries,
  deletePupilRecord,
  retentionReport,
  setRetentionYears,
} from './retention.usecases.ts';
import { subjectAccessExport } from './subject-access.ts';
import { renderSubjectAccessPdf } from './subject-access-pdf.ts';

const operation = describedAs(['Data protection']);
const params = z.object({ pupilId: z.uuid({ message: 'Not a pupil id' }) });
const query = z.strictObject({
  /** A DSL's decision to include safeguarding records; refused for anyone else. */
  includeSafeguarding: z.enum(['true', 'false']).default('false'),
});

export function dataProtectionRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    const make = (request: FastifyRequest, pupilId: string, includeSafeguarding: string) =>
      subjectAccessExport({
        ...command(request),
        pupilId,
        includeSafeguarding: includeSafeguarding === 'true',
        now: clock(),
      });

    app.get(
      '/pupils/:pupilId/subject-access',
      operation(
        requires('data_protection.manage'),
        'Everything held about one pupil, as data (a subject access export)',
        { params, querystring: query },
      ),
      async (request, reply) => {
        const result = await make(request, request.params.pupilId, request.query.includeSafeguarding);
        return reply
          .header(
            'content-disposition',
            `attachment; filename="subject-access-${request.params.pupilId}.json"`,
          )
          .send(result);
      },
    );

    app.get(
      '/pupils/:pupilId/subject-access.pdf',
      operation(
        requires('data_protection.manage'),
        'Everything held about one pupil, as a readable PDF (a subject access export)',
        { params, querystring: query },
      ),
      async (request, reply) => {
        const pdf = await renderSubjectAccessPdf(
          await make(request, request.params.pupilId, request.query.includeSafeguarding),
        );
        return reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="subject-access-${request.params.pupilId}.pdf"`,
          )
          .send(pdf);
      },
    );

    app.get(
      '/retention',
      operation(
        requires('data_protection.manage'),
        'The retention schedule in force, and the records past it in your schools',
        { response: { 200: retentionReportSchema } },
      ),
      async (request) => retentionReport({ db, actor: actorOf(request), today: todayInLondon(clock()) }),
    );

    app.put(
      '/retention/:kind',
      operation(
        requires('policy.manage'),
        "Change how long one kind of record is kept (the group's own schedule)",
        {
          params: z.object({
            kind: z.enum(Object.keys(retentionKinds) as [RetentionKind, ...RetentionKind[]]),
          }),
          body: retentionOverrideSchema,
          response: { 204: z.null() },
        },
      ),
      async (request, reply) => {
        await setRetentionYears({
          ...command(request),
          kind: request.params.kind,
          years: request.body.years,
          now: clock(),
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/retention/pupils/:pupilId/deletion',
      operation(
        requires('data_protection.manage'),
        "Delete a pupil's whole record once past its retention date, with the review that decided it",
        {
          params,
          body: retentionReviewSchema,
          response: {
            200: z.object({
              placements: z.number().int(),
              registerEntries: z.number().int(),
              incidents: z.number().int(),
              files: z.number().int(),
              documentsKept: z.number().int(),
              auditEntriesRedacted: z.number().int(),
            }),
          },
        },
      ),
      async (request) => {
        const now = clock();
        return deletePupilRecord({
          ...command(request),
          pupilId: request.params.pupilId,
          reviewNote: request.body.reviewNote,
          today: todayInLondon(now),
          now,
        });
      },
    );

    app.post(
      '/retention/kept-documents/:documentId/deletion',
      operation(
        requires('data_protection.manage'),
        'Delete an EHCP document kept after its pupil record, once past its own date, with the review',
        {
          params: z.object({ documentId: z.uuid({ message: 'Not a document id' }) }),
          body: retentionReviewSchema,
          response: { 204: z.null() },
        },
      ),
      async (request, reply) => {
        await deleteRetainedDocument({
          ...command(request),
          documentId: request.params.documentId,
          reviewNote: request.body.reviewNote,
          today: todayInLondon(clock()),
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/retention/register-entries/deletion',
      operation(
        requires('data_protection.manage'),
        'Delete the attendance register entries past their years, with the review that decided it',
        {
          body: retentionReviewSchema,
          response: { 200: z.object({ deleted: z.number().int(), before: z.string() }) },
        },
      ),
      async (request) =>
        deleteOldRegisterEntries({
          ...command(request),
          reviewNote: request.body.reviewNote,
          today: todayInLondon(clock()),
        }),
    );

    app.get(
      '/sharing',
      operation(
        requires('data_protection.manage'),
        'What was shared with which provider and when, across your schools, newest first',
        { querystring: sharingQuerySchema, response: { 200: sharingRecordSchema } },
      ),
      async (request) => ({
        shares: await sharingRecord({ db, actor: actorOf(request), filters: request.query }),
      }),
    );
  };
}
