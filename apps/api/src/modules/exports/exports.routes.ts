import { isoDateSchema, todayInLondon } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../lib/audit-log.ts';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { type ExportList, exportLists } from './exports.usecases.ts';
import { toCsv, toXlsx } from './tables.ts';

const operation = describedAs(['Exports']);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One route per list, each guarded by the permission that reads the list on screen. */
export function exportsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    for (const list of Object.keys(exportLists) as ExportList[]) {
      const { permission } = exportLists[list];
      app.get(
        `/${list}.:format`,
        operation(
          requires(permission),
          `The ${list} list as CSV or XLSX, as you see it${list === 'attendance' ? ' (from and to dates)' : ''}`,
          {
            params: z.object({ format: z.enum(['csv', 'xlsx'], { message: 'Choose csv or xlsx' }) }),
            querystring:
              list === 'attendance' ? z.object({ from: isoDateSchema, to: isoDateSchema }) : z.object({}),
          },
        ),
        async (request, reply) => {
          const actor = actorOf(request);
          const today = todayInLondon(clock());
          const period = request.query as { from?: string; to?: string };
          const built = await exportLists[list].build(
            db,
            actor,
            today,
            period.from && period.to ? { from: period.from, to: period.to } : undefined,
          );
          await recordAudit(
            db,
            { actor, ipAddress: request.ip },
            {
              action: 'exports.downloaded',
              recordType: 'export',
              summary: `${built.title}: ${built.rows.length} rows as ${request.params.format.toUpperCase()}`,
            },
          );
          const name = `${list}-${today}.${request.params.format}`;
          reply.header('content-disposition', `attachment; filename="${name}"`);
          if (request.params.format === 'csv')
            return reply.type('text/csv; charset=utf-8').send(toCsv(built.columns, built.rows as never[]));
          return reply.type(XLSX).send(await toXlsx(built.title, built.columns, built.rows as never[]));
        },
      );
    }
  };
}
