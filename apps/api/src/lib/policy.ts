/**
 * Route policies. Every route states who may call it in its `config.policy`; the app refuses to start
 * when one does not (see lib/authorization.ts). Record-level scope is checked again in the use case.
 */
import type { Permission } from '@waymark/domain';

export type RoutePolicy =
  | { kind: 'public'; why: string }
  | { kind: 'signed_in' }
  | { kind: 'second_factor_step' }
  | { kind: 'permission'; permission: Permission }
  | { kind: 'provider_api_key' };

/** Open to anyone; say why, so a reviewer can judge it. */
export const publicRoute = (why: string): { policy: RoutePolicy } => ({ policy: { kind: 'public', why } });

/**
 * The steps of signing in after the password (the authenticator code, setting the app up) and signing
 * out: open to a session whose second factor is still awaited, as well as to a finished one.
 */
export const secondFactorStep = (): { policy: RoutePolicy } => ({ policy: { kind: 'second_factor_step' } });

/** Any signed-in user; what they see is still limited by their scopes. */
export const signedIn = (): { policy: RoutePolicy } => ({ policy: { kind: 'signed_in' } });

/**
 * A provider's own system, with an API key the school issued (Authorization: Bearer …). No cookies are
 * involved, so there is no CSRF check; the key stands for its provider's portal access only.
 */
export const providerApiKey = (): { policy: RoutePolicy } => ({ policy: { kind: 'provider_api_key' } });

export const requires = (permission: Permission): { policy: RoutePolicy } => ({
  policy: { kind: 'permission', permission },
});

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}
