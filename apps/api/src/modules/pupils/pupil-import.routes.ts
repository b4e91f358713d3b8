import {
  IMPORT_BODY_LIMIT,
  importBodySchema,
  importedSchema,
  importPreviewSchema,
} from '@waymark/domain/contracts/pupils';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { importPupils, previewImport } from './pupil-import.usecases.ts';

const operation = describedAs(['Pupils']);

export function pupilImportRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.post(
      '/import/preview',
      {
        ...operation(
          requires('pupils.manage'),
          'Read an import file and say, row by row, what would be imported and what is wrong (saves nothing)',
          {
            body: importBodySchema,
            response: {
              200: importPreviewSchema,
            },
          },
        ),
        bodyLimit: IMPORT_BODY_LIMIT + 64 * 1024,
      },
      (request) => previewImport({ db, actor: actorOf(request), request: request.body }),
    );

    app.post(
      '/import',
      {
        ...operation(
          requires('pupils.manage'),
          'Import every pupil in the file, or none if any row is wrong',
          { body: importBodySchema, response: { 201: importedSchema } },
        ),
        bodyLimit: IMPORT_BODY_LIMIT + 64 * 1024,
      },
      async (request, reply) =>
        reply.status(201).send(await importPupils({ ...command(request), request: request.body })),
    );
  };
}
