import { importFields } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { importPupils, previewImport } from './pupil-import.usecases.ts';

const tags = ['Pupils'];
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

const importBodySchema = z.strictObject({
  schoolId: z.uuid({ message: 'Choose the school the pupils belong to' }),
  format: z.enum(['csv', 'ctf'], { message: 'Choose CSV or Common Transfer File' }),
  content: z.string().min(1, 'Choose a file to import').max(IMPORT_BODY_LIMIT),
  mapping: z.partialRecord(z.enum(importFields), z.string()).optional(),
});

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
            200: z.object({
              headers: z.array(z.string()),
              mapping: z.partialRecord(z.enum(importFields), z.string()),
              missingColumns: z.array(z.object({ field: z.string(), label: z.string() })),
              rows: z.array(
                z.object({
                  line: z.number().int(),
                  name: z.string().nullable(),
                  upn: z.string().nullable(),
                  problems: z.array(z.object({ field: z.string(), message: z.string() })),
                }),
              ),
              ready: z.number().int(),
              withProblems: z.number().int(),
            }),
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
          response: { 201: z.object({ imported: z.number().int() }) },
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
