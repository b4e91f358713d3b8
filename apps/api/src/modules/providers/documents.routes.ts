import multipart from '@fastify/multipart';
import { isoDateSchema } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { AppError } from '../../lib/errors.ts';
import { requires } from '../../lib/policy.ts';
import { parseOrFail } from '../../lib/validation.ts';
import { downloadDocument, listDocuments, uploadDocument } from './documents.usecases.ts';
import { providerParamsSchema } from './providers.schemas.ts';
import { providerDocumentKinds } from './providers.table.ts';

const tags = ['Provider directory'];
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const detailsSchema = z.object({
  kind: z.enum(providerDocumentKinds, { message: 'Choose what kind of document this is' }),
  title: z.string().trim().min(1, 'Give the document a title').max(150),
  documentDate: z.preprocess(blankToNull, isoDateSchema.nullable()),
  expiresOn: z.preprocess(blankToNull, isoDateSchema.nullable()),
});

const documentListSchema = z.object({
  documents: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(providerDocumentKinds),
      title: z.string(),
      version: z.number().int(),
      documentDate: z.string().nullable(),
      expiresOn: z.string().nullable(),
      uploadedAt: z.iso.datetime(),
      filename: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
    }),
  ),
});

const tooLarge = () =>
  new AppError(
    'request.too_large',
    413,
    `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the most Waymark keeps.`,
  );

export function documentsRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1000 },
    });

    app.get(
      '/providers/:providerId/documents',
      {
        config: requires('providers.read'),
        schema: {
          tags,
          summary: 'Evidence on file for a provider, every version',
          params: providerParamsSchema,
          response: { 200: documentListSchema },
        },
      },
      (request) => listDocuments({ db, actor: actorOf(request), providerId: request.params.providerId }),
    );

    app.post(
      '/providers/:providerId/documents',
      {
        config: requires('providers.manage'),
        bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
        schema: {
          tags,
          summary: 'File a document (multipart form: kind, title, documentDate, expiresOn, then file)',
          consumes: ['multipart/form-data'],
          params: providerParamsSchema,
          response: { 201: documentListSchema },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new AppError(
            'request.unsupported_media_type',
            415,
            'Send the document as a multipart form upload.',
          );
        const fields: Record<string, string> = {};
        let file: { filename: string; content: Buffer } | null = null;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') file = { filename: part.filename, content: await part.toBuffer() };
            else fields[part.fieldname] = String(part.value);
          }
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          throw error;
        }
        const details = parseOrFail(detailsSchema, fields);
        if (!file)
          throw new AppError('request.invalid', 400, 'Choose a file to upload.', [
            { path: 'file', message: 'Choose a file to upload' },
          ]);
        const result = await uploadDocument({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          providerId: request.params.providerId,
          details,
          file,
        });
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/provider-documents/:documentId/file',
      {
        config: requires('providers.read'),
        schema: {
          tags,
          summary: 'Download a filed document',
          params: z.object({ documentId: z.uuid({ message: 'Not a document id' }) }),
        },
      },
      async (request, reply) => {
        const file = await downloadDocument({
          db,
          actor: actorOf(request),
          documentId: request.params.documentId,
        });
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '_')}"`)
          .header('x-content-sha256', file.sha256)
          .send(file.content);
      },
    );
  };
}
