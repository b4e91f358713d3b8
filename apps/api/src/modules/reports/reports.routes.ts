import { todayInLondon } from '@waymark/domain';
import {
  budgetBodySchema,
  budgetsQuerySchema,
  budgetsSchema,
  governorsReportSchema,
  reportQuerySchema,
} from '@waymark/domain/contracts/reports';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { budgets, setBudget } from './budgets.usecases.ts';
import { renderGovernorsPdf } from './governors-pdf.ts';
import { governorsReport } from './governors-report.ts';
import { scopeSchools } from './report-scope.ts';

const operation = describedAs(['Reports']);

const query = reportQuerySchema;

export function reportsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    const build = (request: Parameters<typeof actorOf>[0] & { ip: string; query: z.infer<typeof query> }) =>
      governorsReport({
        ...command(request),
        scope: { kind: request.query.scope, id: request.query.id },
        academicYear: request.query.academicYear,
        term: request.query.term,
      });
    app.get(
      '/budgets',
      operation(
        requires('reports.read'),
        "Each school's AP budget for the year, spend so far and the forecast to the year's end",
        { querystring: budgetsQuerySchema, response: { 200: budgetsSchema } },
      ),
      async (request) => {
        const actor = actorOf(request);
        const { scope, id } = request.query;
        // A report's budgets are those of its schools; without a scope, every school in reach.
        const schoolIds =
          scope && id
            ? (await scopeSchools(db, actor, { kind: scope, id })).schools.map((s) => s.id)
            : undefined;
        return {
          budgets: await budgets({
            db,
            actor,
            academicYear: request.query.academicYear,
            today: todayInLondon(clock()),
            ...(schoolIds ? { schoolIds } : {}),
          }),
        };
      },
    );
    app.put(
      '/budgets/:schoolId',
      operation(requires('budgets.manage'), "Set a school's AP budget for an academic year", {
        params: z.object({ schoolId: z.uuid({ message: 'Not a school id' }) }),
        body: budgetBodySchema,
        response: { 204: z.null() },
      }),
      async (request, reply) => {
        await setBudget({ ...command(request), now: clock() }, request.params.schoolId, request.body);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/governors',
      operation(requires('reports.read'), "The termly governors' report as data", {
        querystring: query,
        response: { 200: governorsReportSchema },
      }),
      async (request) => build(request),
    );
    app.get(
      '/governors.pdf',
      operation(requires('reports.read'), "The termly governors' report as a PDF", { querystring: query }),
      async (request, reply) => {
        const report = await build(request);
        return reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="governors-report-${request.query.term}-${request.query.academicYear.replace('/', '-')}.pdf"`,
          )
          .send(await renderGovernorsPdf(report));
      },
    );
  };
}
