/**
 * A route's options said once: who may call it (its policy, see policy.ts) and how the API reference
 * describes it. Each routes file makes its own `operation` with the file's OpenAPI tags, so a route
 * states only what is its own — its policy, summary and schemas — and the schemas keep typing the
 * request and reply through the Zod type provider.
 */
import type { FastifyRequest, FastifySchema } from 'fastify';
import type { Database } from '../db/client.ts';
import { actorOf } from './authorization.ts';
import type { RoutePolicy } from './policy.ts';

export function describedAs(tags: string[]) {
  return <
    S extends FastifySchema = Record<never, never>,
    C extends { policy: RoutePolicy } = { policy: RoutePolicy },
  >(
    config: C,
    summary: string,
    schema?: S,
  ) => ({ config, schema: { tags, summary, ...schema } as S & { tags: string[]; summary: string } });
}

/** What a use case is told of a request that changes something: the database, who acts and from where. */
export function commandOf(db: Database) {
  return (request: FastifyRequest) => ({ db, actor: actorOf(request), ipAddress: request.ip });
}
