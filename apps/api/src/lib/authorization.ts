/**
 * The one gate every request passes: CSRF check for state-changing requests, session lookup, then the
 * route's declared policy. Deny by default: a route without a policy stops the app from starting.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyPluginCallback, FastifyRequest } from 'fastify';
import type { Actor } from './actor.ts';
import { hasPermission } from './actor.ts';
import { commonErrors } from './errors.ts';
import type { RoutePolicy } from './policy.ts';
import { safeEqual, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'waymark_session';
export const CSRF_COOKIE = 'waymark_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** What a session cookie turned out to be. */
export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; actor: Actor; csrfHash: string; secondFactor: 'done' | 'code' | 'enrol' };

/**
 * How the gate learns who is asking. The auth and attendance modules supply these (app.ts wires them
 * in), so this file, like the rest of lib/, depends on no feature.
 */
export interface Identify {
  /** The provider system behind an `Authorization: Bearer` key; throws when the key is refused. */
  byApiKey(authorizationHeader: string | undefined): Promise<Actor>;
  bySession(sessionToken: string | undefined): Promise<SessionLookup>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyInstance {
    routePolicies(): { method: string; url: string; policy: RoutePolicy | undefined }[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** Set when the request carried a session cookie that is no longer valid. */
    sessionExpired: boolean;
    /** The sign-in step still awaited by this session: its authenticator code, or setting the app up. */
    pendingSecondFactor: 'code' | 'enrol' | null;
  }
}

export class MissingRoutePolicyError extends Error {
  constructor(routes: string[]) {
    super(`These routes declare no policy, so Waymark will not start: ${routes.join(', ')}`);
    this.name = 'MissingRoutePolicyError';
  }
}

/** The signed-in user, for routes whose policy guarantees one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw commonErrors.signedOut();
  return request.actor;
}

function checkCsrf(request: FastifyRequest, sessionCsrfHash: string | null): void {
  const header = request.headers[CSRF_HEADER];
  const cookie = request.cookies[CSRF_COOKIE];
  if (typeof header !== 'string' || !header || !cookie || !safeEqual(header, cookie))
    throw commonErrors.csrfRejected();
  // Bound to the session, so a token planted in a cookie by another site cannot be used with it.
  if (sessionCsrfHash && !safeEqual(sha256(header), sessionCsrfHash)) throw commonErrors.csrfRejected();
}

export function registerAuthorization(app: FastifyInstance, identify: Identify): void {
  const routes: { method: string | string[]; url: string; config?: { policy?: unknown } }[] = [];

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('pendingSecondFactor', null);

  // Checked when the app is ready rather than as each route is added, because a plugin wrapper
  // (withPolicy below) may still attach a policy to the same route options later in the chain.
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  // Every route with its policy, for the authorization matrix test and the API reference.
  app.decorate('routePolicies', () =>
    routes.flatMap((r) =>
      (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({
        method,
        url: r.url,
        policy: r.config?.policy as RoutePolicy | undefined,
      })),
    ),
  );
  app.addHook('onReady', async () => {
    const missing = routes.filter((r) => !r.config?.policy).map((r) => `${r.method} ${r.url}`);
    if (missing.length) throw new MissingRoutePolicyError(missing);
  });

  app.addHook('onRequest', async (request) => {
    const policy = request.routeOptions.config.policy;
    if (!policy) return; // only the not-found handler has none; it serves nothing

    if (policy.kind === 'provider_api_key') {
      request.actor = await identify.byApiKey(request.headers.authorization);
      return;
    }

    const lookup = await identify.bySession(request.cookies[SESSION_COOKIE]);
    request.sessionExpired = lookup.state === 'expired';
    if (lookup.state === 'active') {
      request.actor = lookup.actor;
      request.pendingSecondFactor = lookup.secondFactor === 'done' ? null : lookup.secondFactor;
    }

    if (!SAFE_METHODS.has(request.method))
      checkCsrf(request, lookup.state === 'active' ? lookup.csrfHash : null);

    if (policy.kind === 'public') return;
    if (!request.actor)
      throw request.sessionExpired ? commonErrors.sessionExpired() : commonErrors.signedOut();
    // Deny by default here too: until the second step is done, only that step and signing out open.
    if (request.pendingSecondFactor && policy.kind !== 'second_factor_step')
      throw commonErrors.secondFactorRequired();
    if (policy.kind === 'permission' && !hasPermission(request.actor, policy.permission)) {
      throw commonErrors.forbidden();
    }
  });
}

/**
 * Registers a third-party plugin (API reference, static files) whose routes cannot declare a policy
 * themselves, giving each of them the one stated here.
 */
export function withPolicy(
  plugin: FastifyPluginAsync<never> | FastifyPluginCallback<never>,
  { policy }: { policy: RoutePolicy },
) {
  return async (instance: FastifyInstance, options: Record<string, unknown>) => {
    instance.addHook('onRoute', (route) => {
      route.config = { ...route.config, policy: route.config?.policy ?? policy };
    });
    await instance.register(plugin, options as never);
  };
}
