import { todayInLondon } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { budgets, setBudget } from './budgets.usecases.ts';
import { renderGovernorsPdf } from './governors-pdf.ts';
import { governorsReport } from './governors-report.ts';
import { scopeSchools } from './report-scope.ts';

const query = z.object({
  scope: z.enum(['school', 'region', 'group'], { message: 'Choose a school, a region or the group' }),
  id: z.uuid({ message: 'Choose which one' }),
  academicYear: z.string().regex(/^\d{4}\/\d{2}$/, 'Give the academic year as 2025/26'),
  term: z.enum(['autumn', 'spring', 'summer'], { message: 'Choose the term' }),
});

export const budgetBodySchema = z.strictObject({
  academicYear: z.string().regex(/^\d{4}\/\d{2}$/, 'Give the academic year as 2025/26'),
  amountPounds: z
    .number({ error: 'Give the budget in pounds' })
    .min(0, 'The budget cannot be negative')
    .max(100_000_000),
});

export function reportsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    const build = (request: Parameters<typeof actorOf>[0] & { ip: string; query: z.infer<typeof query> }) =>
      governorsReport({
        db,
        actor: actorOf(request),
        ipAddress: request.ip,
        scope: { kind: request.query.scope, id: request.query.id },
        academicYear: request.query.academicYear,
        term: request.query.term,
      });
    app.get(
      '/budgets',
      {
        config: requires('reports.read'),
        schema: {
          tags: ['Reports'],
          summary: "Each school's AP budget for the year, spend so far and the forecast to the year's end",
          querystring: z
            .object({
              academicYear: z.string().regex(/^\d{4}\/\d{2}$/, 'Give the academic year as 2025/26'),
              scope: query.shape.scope.optional(),
              id: query.shape.id.optional(),
            })
            .refine((q) => (q.scope === undefined) === (q.id === undefined), {
              message: 'Give both the scope and its id, or neither',
              path: ['id'],
            }),
        },
      },
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
      {
        config: requires('budgets.manage'),
        schema: {
          tags: ['Reports'],
          summary: "Set a school's AP budget for an academic year",
          params: z.object({ schoolId: z.uuid({ message: 'Not a school id' }) }),
          body: budgetBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await setBudget(
          { db, actor: actorOf(request), ipAddress: request.ip, now: clock() },
          request.params.schoolId,
          request.body,
        );
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/governors',
      {
        config: requires('reports.read'),
        schema: { tags: ['Reports'], summary: "The termly governors' report as data", querystring: query },
      },
      async (request) => build(request),
    );
    app.get(
      '/governors.pdf',
      {
        config: requires('reports.read'),
        schema: { tags: ['Reports'], summary: "The termly governors' report as a PDF", querystring: query },
      },
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
