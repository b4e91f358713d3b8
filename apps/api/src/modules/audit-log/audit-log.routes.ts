import {
  auditPageSchema,
  auditQuerySchema,
  chainVerificationSchema,
} from '@waymark/domain/contracts/audit-log';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { verifyAuditLog } from './audit-chain.ts';
import { createAuditRepository } from './audit-log.repository.ts';

const operation = describedAs(['Audit log']);

export function auditRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/verification',
      operation(
        requires('audit_log.verify'),
        'Seal waiting events into the hash chain, then check every link of it',
        { response: { 200: chainVerificationSchema } },
      ),
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
      operation(requires('audit_log.read'), 'Audit events in your scope, newest first', {
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema },
      }),
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
