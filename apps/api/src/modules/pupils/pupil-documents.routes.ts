import multipart from '@fastify/multipart';
import {
  pupilDocumentDetailsSchema,
  pupilDocumentListSchema,
  pupilParams,
} from '@waymark/domain/contracts/pupils';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { attachmentHeaders, MAX_UPLOAD_BYTES, multipartLimits, readUpload } from '../../lib/uploads.ts';
import { parseOrFail } from '../../lib/validation.ts';
import { documentsOfPupil, downloadPupilDocument, uploadPupilDocument } from './pupil-documents.usecases.ts';

const operation = describedAs(['Pupils']);

export function pupilDocumentsRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    await app.register(multipart, { limits: multipartLimits });

    app.get(
      '/:pupilId/documents',
      operation(requires('pupils.read'), 'The pupil’s documents, every version', {
        params: pupilParams,
        response: { 200: pupilDocumentListSchema },
      }),
      async (request) => ({
        documents: await documentsOfPupil({ db, actor: actorOf(request), pupilId: request.params.pupilId }),
      }),
    );

    app.post(
      '/:pupilId/documents',
      {
        ...operation(
          requires('pupils.manage'),
          'File a risk assessment, pupil profile, EHCP or other document (multipart: kind, title, documentDate, file)',
          {
            consumes: ['multipart/form-data'],
            params: pupilParams,
            response: { 201: pupilDocumentListSchema },
          },
        ),
        bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
      },
      async (request, reply) => {
        const { fields, file } = await readUpload(request);
        const details = parseOrFail(pupilDocumentDetailsSchema, fields);
        const documents = await uploadPupilDocument({
          ...command(request),
          pupilId: request.params.pupilId,
          details,
          file,
        });
        return reply.status(201).send({ documents });
      },
    );

    app.get(
      '/:pupilId/documents/:documentId/file',
      operation(requires('pupils.read'), 'Download a pupil document (logged)', {
        params: pupilParams.extend({ documentId: z.uuid({ message: 'Not a document id' }) }),
      }),
      async (request, reply) => {
        const file = await downloadPupilDocument({
          ...command(request),
          pupilId: request.params.pupilId,
          documentId: request.params.documentId,
        });
        return reply.type(file.contentType).headers(attachmentHeaders(file)).send(file.content);
      },
    );
  };
}
