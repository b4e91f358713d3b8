import multipart from '@fastify/multipart';
import {
  documentDetailsSchema,
  documentListSchema,
  providerParamsSchema,
} from '@waymark/domain/contracts/providers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { attachmentHeaders, MAX_UPLOAD_BYTES, multipartLimits, readUpload } from '../../lib/uploads.ts';
import { parseOrFail } from '../../lib/validation.ts';
import { downloadDocument, listDocuments, uploadDocument } from './documents.usecases.ts';

const operation = describedAs(['Provider directory']);

export function documentsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    await app.register(multipart, { limits: multipartLimits });

    app.get(
      '/providers/:providerId/documents',
      operation(requires('providers.read'), 'Evidence on file for a provider, every version', {
        params: providerParamsSchema,
        response: { 200: documentListSchema },
      }),
      (request) => listDocuments({ db, actor: actorOf(request), providerId: request.params.providerId }),
    );

    app.post(
      '/providers/:providerId/documents',
      {
        ...operation(
          requires('providers.manage'),
          'File a document (multipart form: kind, title, documentDate, expiresOn, then file)',
          {
            consumes: ['multipart/form-data'],
            params: providerParamsSchema,
            response: { 201: documentListSchema },
          },
        ),
        bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
      },
      async (request, reply) => {
        const upload = await readUpload(request);
        const details = parseOrFail(documentDetailsSchema, upload.fields);
        const file = upload.file;
        const result = await uploadDocument({
          ...command(request),
          providerId: request.params.providerId,
          details,
          file,
          now: clock(),
        });
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/provider-documents/:documentId/file',
      operation(requires('providers.read'), 'Download a filed document', {
        params: z.object({ documentId: z.uuid({ message: 'Not a document id' }) }),
      }),
      async (request, reply) => {
        const file = await downloadDocument({
          db,
          actor: actorOf(request),
          documentId: request.params.documentId,
        });
        return reply.type(file.contentType).headers(attachmentHeaders(file)).send(file.content);
      },
    );
  };
}
