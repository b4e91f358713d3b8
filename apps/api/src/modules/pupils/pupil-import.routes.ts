import {
  IMPORT_BODY_LIMIT,
  importBodySchema,
  importedSchema,
  importPreviewSchema,
} from '@waymark/domain/contracts/pupils';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { importPupils, previewImport } from './pupil-import.usecases.ts';

const tags = ['Pupils'];

export function pupilImportRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/import/preview',
      {
        config: requires('pupils.manage'),
        bodyLimit: IMPORT_BODY_LIMIT + 64 * 1024,
        schema: {
          tags,
          summary:
            'Read an import file and say, row by row, what would be imported and what is wrong (saves nothing)',
          body: importBodySchema,
          response: {
            200: importPreviewSchema,
          },
        },
      },
      (request) => previewImport({ db, actor: actorOf(request), request: request.body }),
    );

    app.post(
      '/import',
      {
        config: requires('pupils.manage'),
        bodyLimit: IMPORT_BODY_LIMIT + 64 * 1024,
        schema: {
          tags,
          summary: 'Import every pupil in the file, or none if any row is wrong',
          body: importBodySchema,
          response: { 201: importedSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await importPupils({ db, actor: actorOf(request), ipAddress: request.ip, request: request.body }),
          ),
    );
  };
}
