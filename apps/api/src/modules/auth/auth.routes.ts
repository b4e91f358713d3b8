import { endedSessionsSchema } from '@waymark/domain/contracts/account';
import {
  changePasswordBodySchema,
  sessionResponseSchema,
  signInBodySchema,
} from '@waymark/domain/contracts/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { publicRoute, secondFactorStep, signedIn } from '../../lib/policy.ts';
import { newToken, sha256 } from '../../lib/tokens.ts';
import { createAuthRepository } from './auth.repository.ts';
import { changeOwnPassword, describeSession, signIn, signOut, signOutEverywhere } from './auth.usecases.ts';
import { CSRF_COOKIE, SESSION_COOKIE, setSessionCookies, TRUSTED_BROWSER_COOKIE } from './sessions.ts';

const operation = describedAs(['Sign-in and sessions']);

function requestInfo(request: FastifyRequest) {
  return { ipAddress: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

export function authRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  const secure = deps.config.cookieSecure;
  const maxAge = deps.config.session.maxHours * 3600;

  function setCsrfCookie(reply: FastifyReply, csrfToken: string) {
    // Readable by the page's script (not httpOnly): the page echoes it in the X-CSRF-Token header.
    reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', sameSite: 'strict', secure, maxAge });
  }

  function clearCookies(reply: FastifyReply) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  return async (app) => {
    app.get(
      '/session',
      operation(
        publicRoute('The sign-in page asks whether someone is signed in, and collects a CSRF token'),
        'The current session, or null when signed out',
        { response: { 200: sessionResponseSchema } },
      ),
      async (request, reply) => {
        if (request.actor && request.pendingSecondFactor)
          return { session: null, secondFactor: request.pendingSecondFactor };
        if (!request.actor) {
          if (request.sessionExpired) reply.clearCookie(SESSION_COOKIE, { path: '/' });
          if (!request.cookies[CSRF_COOKIE]) setCsrfCookie(reply, newToken());
          return { session: null };
        }
        if (!request.cookies[CSRF_COOKIE]) {
          // The CSRF cookie was lost (cleared by hand): issue a new one bound to this session.
          const csrfToken = newToken();
          await createAuthRepository({ db: deps.db }).replaceCsrf(
            request.actor.sessionTokenHash,
            sha256(csrfToken),
          );
          setCsrfCookie(reply, csrfToken);
        }
        return { session: await describeSession({ db: deps.db, actor: request.actor }) };
      },
    );

    app.post(
      '/sign-in',
      operation(
        {
          ...publicRoute('Signing in'),
          rateLimit: { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        'Sign in with email and password',
        { body: signInBodySchema, response: { 200: sessionResponseSchema } },
      ),
      async (request, reply) => {
        const started = await signIn({
          db: deps.db,
          email: request.body.email,
          password: request.body.password,
          previousSessionToken: request.cookies[SESSION_COOKIE],
          trustedBrowserToken: request.cookies[TRUSTED_BROWSER_COOKIE],
          sessionConfig: deps.config.session,
          now: deps.clock(),
          request: requestInfo(request),
        });
        setSessionCookies(reply, started, deps.config);
        if (started.secondFactor !== 'done') return { session: null, secondFactor: started.secondFactor };
        return {
          session: await describeSession({ db: deps.db, actor: started.actor, expiresAt: started.expiresAt }),
        };
      },
    );

    app.post(
      '/sign-out',
      operation(secondFactorStep(), 'Sign out of this device', { response: { 204: z.null() } }),
      async (request, reply) => {
        await signOut({ db: deps.db, actor: actorOf(request), ipAddress: request.ip });
        clearCookies(reply);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/sign-out-everywhere',
      operation(signedIn(), 'End every session of the signed-in user, on every device', {
        response: { 200: endedSessionsSchema },
      }),
      async (request, reply) => {
        const result = await signOutEverywhere({
          db: deps.db,
          actor: actorOf(request),
          ipAddress: request.ip,
        });
        clearCookies(reply);
        return result;
      },
    );

    app.post(
      '/password',
      operation(signedIn(), 'Change your own password', {
        body: changePasswordBodySchema,
        response: { 204: z.null() },
      }),
      async (request, reply) => {
        await changeOwnPassword({
          db: deps.db,
          actor: actorOf(request),
          ...request.body,
          ipAddress: request.ip,
        });
        return reply.status(204).send(null);
      },
    );
  };
}
