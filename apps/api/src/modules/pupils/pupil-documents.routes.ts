import multipart from '@fastify/multipart';
import { isoDateSchema } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { attachmentHeaders, MAX_UPLOAD_BYTES, multipartLimits, readUpload } from '../../lib/uploads.ts';
import { parseOrFail } from '../../lib/validation.ts';
import { pupilDocumentKinds } from './pupil-documents.table.ts';
import { documentsOfPupil, downloadPupilDocument, uploadPupilDocument } from './pupil-documents.usecases.ts';

const tags = ['Pupils'];
const pupilParams = z.object({ pupilId: z.uuid({ message: 'Not a pupil id' }) });
const detailsSchema = z.object({
  kind: z.enum(pupilDocumentKinds, { message: 'Choose what kind of document this is' }),
  title: z.string().trim().min(1, 'Give the document a title').max(150),
  documentDate: z.preprocess((v) => (v === '' || v === undefined ? null : v), isoDateSchema.nullable()),
});
export const pupilDocumentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(pupilDocumentKinds),
  title: z.string(),
  version: z.number().int(),
  documentDate: z.string().nullable(),
  uploadedAt: z.iso.datetime(),
  filename: z.string(),
  sizeBytes: z.number().int(),
});
const listSchema = z.object({ documents: z.array(pupilDocumentSchema) });

export function pupilDocumentsRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: multipartLimits });

    app.get(
      '/:pupilId/documents',
      {
        config: requires('pupils.read'),
        schema: {
          tags,
          summary: 'The pupil’s documents, every version',
          params: pupilParams,
          response: { 200: listSchema },
        },
      },
      async (request) => ({
        documents: await documentsOfPupil({ db, actor: actorOf(request), pupilId: request.params.pupilId }),
      }),
    );

    app.post(
      '/:pupilId/documents',
      {
        config: requires('pupils.manage'),
        bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
        schema: {
          tags,
          summary:
            'File a risk assessment, pupil profile, EHCP or other document (multipart: kind, title, documentDate, file)',
          consumes: ['multipart/form-data'],
          params: pupilParams,
          response: { 201: listSchema },
        },
      },
      async (request, reply) => {
        const { fields, file } = await readUpload(request);
        const details = parseOrFail(detailsSchema, fields);
        const documents = await uploadPupilDocument({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          pupilId: request.params.pupilId,
          details,
          file,
        });
        return reply.status(201).send({ documents });
      },
    );

    app.get(
      '/:pupilId/documents/:documentId/file',
      {
        config: requires('pupils.read'),
        schema: {
          tags,
          summary: 'Download a pupil document (logged)',
          params: pupilParams.extend({ documentId: z.uuid({ message: 'Not a document id' }) }),
        },
      },
      async (request, reply) => {
        const file = await downloadPupilDocument({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          pupilId: request.params.pupilId,
          documentId: request.params.documentId,
        });
        return reply.type(file.contentType).headers(attachmentHeaders(file)).send(file.content);
      },
    );
  };
}
