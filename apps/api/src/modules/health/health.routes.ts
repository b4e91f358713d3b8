import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { publicRoute } from '../../lib/policy.ts';

const operation = describedAs(['Health']);

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
  /** The server's clock, so a monitor can see drift (and browser tests can follow a clock set for them). */
  now: z.string(),
});

export function healthRoutes({ connection, config, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      operation(
        publicRoute('Load balancers and uptime checks call it without signing in; it reveals no data'),
        'Is Waymark up, and can it reach its database',
        { response: { 200: healthSchema, 503: healthSchema } },
      ),
      async (_request, reply) => {
        const body = { database: connection.kind, version: config.version, now: clock().toISOString() };
        try {
          await connection.ping();
          return { status: 'ok' as const, ...body };
        } catch {
          return reply.status(503).send({ status: 'unavailable' as const, ...body });
        }
      },
    );
  };
}
