import { dateInWords, todayInLondon } from '@waymark/domain';
import { inspectionPackQuerySchema, inspectionPackSchema } from '@waymark/domain/contracts/inspection-pack';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { recordAudit } from '../../lib/audit-log.ts';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { inspectionPack } from './inspection-pack.ts';
import { inspectionPackPdf, inspectionPackXlsx } from './inspection-pack-files.ts';

const operation = describedAs(['Inspection pack']);
const query = inspectionPackQuerySchema;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function inspectionPackRoutes({ db, clock, config }: AppDependencies): FastifyPluginAsyncZod {
  /** Builds the pack and logs that it was made: it lists pupils, so each one generated is on record. */
  async function build(request: FastifyRequest, format: 'page' | 'PDF' | 'XLSX') {
    const { school, date } = request.query as z.infer<typeof query>;
    const actor = actorOf(request);
    const today = todayInLondon(clock());
    const pack = await inspectionPack({ db, actor, schoolId: school, date: date ?? today, today });
    await recordAudit(
      db,
      { actor, ipAddress: request.ip },
      {
        action: 'inspection_pack.generated',
        recordType: 'school',
        recordId: pack.school.id,
        schoolId: pack.school.id,
        summary: `Inspection pack for ${pack.school.name} on ${dateInWords(pack.date)} (${format}): ${pack.pupils.length} pupils, ${pack.overdue.length} overdue`,
      },
    );
    return pack;
  }
  const fileName = (pack: { school: { name: string }; date: string }, extension: string) =>
    `inspection-pack-${pack.school.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-${pack.date}.${extension}`;

  return async (app) => {
    app.get(
      '/',
      operation(
        requires('inspection_pack.read'),
        'Every pupil educated off-site on a date, and the school’s oversight',
        { querystring: query, response: { 200: inspectionPackSchema } },
      ),
      (request) => build(request, 'page'),
    );
    app.get(
      '/pdf',
      operation(requires('inspection_pack.read'), 'The inspection pack as a PDF', { querystring: query }),
      async (request, reply) => {
        const pack = await build(request, 'PDF');
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${fileName(pack, 'pdf')}"`)
          .send(await inspectionPackPdf(pack, config.publicUrl));
      },
    );
    app.get(
      '/xlsx',
      operation(
        requires('inspection_pack.read'),
        'The inspection pack as an XLSX workbook, one sheet per section',
        { querystring: query },
      ),
      async (request, reply) => {
        const pack = await build(request, 'XLSX');
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${fileName(pack, 'xlsx')}"`)
          .send(await inspectionPackXlsx(pack, config.publicUrl));
      },
    );
  };
}
