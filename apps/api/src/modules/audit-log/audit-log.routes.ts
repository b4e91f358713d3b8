import { isoDateSchema } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { pageInfoSchema, pageQuerySchema } from '../../lib/pagination.ts';
import { requires } from '../../lib/policy.ts';
import { verifyAuditLog } from './audit-chain.ts';
import { createAuditRepository } from './audit-log.repository.ts';

const querySchema = pageQuerySchema
  .extend({
    action: z.string().max(100).optional(),
    recordType: z.string().max(100).optional(),
    actorUserId: z.uuid().optional(),
    schoolId: z.uuid().optional(),
    search: z.string().trim().max(100).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The end date must be on or after the start date',
    path: ['to'],
  });

const eventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  schoolId: z.uuid().nullable(),
  summary: z.string(),
  changes: z
    .record(z.string(), z.object({ from: z.unknown().optional(), to: z.unknown().optional() }))
    .nullable(),
  ipAddress: z.string().nullable(),
});

export function auditRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/verification',
      {
        config: requires('audit_log.verify'),
        schema: {
          tags: ['Audit log'],
          summary: 'Seal waiting events into the hash chain, then check every link of it',
          response: {
            200: z.object({
              intact: z.boolean(),
              checked: z.number().int(),
              head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
              breaks: z.array(
                z.object({
                  chainSeq: z.number().int(),
                  eventId: z.number().int().nullable(),
                  problem: z.enum(['changed', 'link_broken', 'missing', 'head_mismatch']),
                  detail: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const result = await verifyAuditLog(db, clock());
        await recordAudit(
          db,
          { actor: actorOf(request), ipAddress: request.ip },
          {
            action: 'audit_log.verified',
            recordType: 'audit_log',
            summary: result.intact
              ? `Checked ${result.checked} events of the audit log: the chain is intact`
              : `Checked ${result.checked} events of the audit log: ${result.breaks.length} breaks found`,
          },
        );
        return result;
      },
    );

    app.get(
      '/',
      {
        config: requires('audit_log.read'),
        schema: {
          tags: ['Audit log'],
          summary: 'Audit events in your scope, newest first',
          querystring: querySchema,
          response: {
            200: z.object({
              events: z.array(eventSchema),
              actions: z.array(z.string()),
              pageInfo: pageInfoSchema,
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const reach = reachOf(actor, 'audit_log.read');
        const { page, pageSize, ...filters } = request.query;
        const repository = createAuditRepository({ db });
        const [{ rows, total }, actions] = await Promise.all([
          repository.list(actor, reach, filters, { page, pageSize }),
          repository.actions(actor, reach),
        ]);
        return {
          events: rows.map(({ groupId: _groupId, ...e }) => ({
            ...e,
            occurredAt: e.occurredAt.toISOString(),
          })),
          actions,
          pageInfo: { page, pageSize, total },
        };
      },
    );
  };
}
