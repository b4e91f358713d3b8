import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { renderGovernorsPdf } from './governors-pdf.ts';
import { governorsReport } from './governors-report.ts';

const query = z.object({
  scope: z.enum(['school', 'region', 'group'], { message: 'Choose a school, a region or the group' }),
  id: z.uuid({ message: 'Choose which one' }),
  academicYear: z.string().regex(/^\d{4}\/\d{2}$/, 'Give the academic year as 2025/26'),
  term: z.enum(['autumn', 'spring', 'summer'], { message: 'Choose the term' }),
});

export function reportsRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
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
