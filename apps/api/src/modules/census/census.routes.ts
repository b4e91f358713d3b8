import { censusXml, todayInLondon } from '@waymark/domain';
import {
  censusKeySchema,
  censusQuerySchema,
  censusReturnBodySchema,
  censusSchema,
} from '@waymark/domain/contracts/census';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { toCsv } from '../exports/tables.ts';
import { confirmCensus, nextCensus, schoolCensus } from './census.usecases.ts';

const operation = describedAs(['School census']);

const query = censusQuerySchema;

export function censusRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/next',
      operation(
        requires('placements.read'),
        'The census to work on: the next census day, today included, not yet returned',
        { querystring: query.pick({ schoolId: true }), response: { 200: censusKeySchema } },
      ),
      async (request) =>
        nextCensus({
          db,
          actor: actorOf(request),
          schoolId: request.query.schoolId,
          today: todayInLondon(clock()),
        }),
    );
    app.post(
      '/returns',
      operation(
        requires('placements.manage'),
        'Record the census as returned, or confirm no AP was arranged in its period (4015Q); logged',
        { body: censusReturnBodySchema, response: { 200: censusSchema } },
      ),
      async (request) =>
        confirmCensus({ ...command(request), today: todayInLondon(clock()), ...request.body }),
    );
    app.get(
      '/',
      operation(
        requires('placements.read'),
        "A census's AP placements for a school, with what to fix before the return",
        { querystring: query, response: { 200: censusSchema } },
      ),
      async (request) => schoolCensus({ ...command(request), ...request.query }),
    );
    app.get(
      '/return.:format',
      operation(requires('placements.read'), 'The return as CSV or as the XML fragment', {
        params: z.object({ format: z.enum(['csv', 'xml'], { message: 'Choose csv or xml' }) }),
        querystring: query,
      }),
      async (request, reply) => {
        const census = await schoolCensus({ ...command(request), ...request.query });
        const name = `census-ap-${request.query.term}-${request.query.academicYear.replace('/', '-')}.${request.params.format}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        if (request.params.format === 'xml')
          return reply.type('application/xml; charset=utf-8').send(censusXml(census.records));
        return reply.type('text/csv; charset=utf-8').send(
          toCsv(
            [
              { header: 'UPN', value: (r) => r.upn },
              { header: 'Pupil', value: (r) => r.pupilName },
              { header: 'URN', value: (r) => r.urn },
              { header: 'UKPRN', value: (r) => r.ukprn },
              { header: 'AP setting type', value: (r) => r.setting },
              { header: 'Entry date', value: (r) => r.entryDate },
              { header: 'Leaving date', value: (r) => r.leavingDate },
              { header: 'Primary reason', value: (r) => r.reason },
              { header: 'Attendance pattern', value: (r) => r.attendancePattern },
            ],
            census.records,
          ),
        );
      },
    );
  };
}
