import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { describedAs } from '../../lib/operation.ts';
import { publicRoute, requires } from '../../lib/policy.ts';
import { SESSION_COOKIE, setSessionCookies, TRUSTED_BROWSER_COOKIE } from '../auth/sessions.ts';
import {
  createSignInProvider,
  deleteSignInProvider,
  listSignInProviders,
  updateSignInProvider,
} from './sign-in-providers.usecases.ts';
import {
  signInProviderBodySchema,
  signInProviderParamsSchema,
  signInProviderUpdateSchema,
  signInProviderViewSchema,
  singleSignOnCallbackQuerySchema,
  startSingleSignOnBodySchema,
} from './single-sign-on.schemas.ts';
import { finishSingleSignOn, startSingleSignOn } from './single-sign-on.usecases.ts';

const operation = describedAs(['Single sign-on']);
/** Holds the attempt's token between leaving for the provider and coming back; only sent back here. */
const ATTEMPT_COOKIE = 'waymark_single_sign_on';
const ATTEMPT_COOKIE_PATH = '/api/auth/single-sign-on';

export function singleSignOnRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  const { db, config } = deps;
  const secure = config.cookieSecure;
  return async (app) => {
    app.post(
      '/auth/single-sign-on/start',
      operation(
        {
          ...publicRoute('Starting to sign in with a school’s own accounts'),
          rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        'Find the sign-in provider for an email address and get the address to send the browser to',
        {
          body: startSingleSignOnBodySchema,
          response: { 200: z.object({ redirectTo: z.string(), providerName: z.string() }) },
        },
      ),
      async (request, reply) => {
        const started = await startSingleSignOn({
          db,
          email: request.body.email,
          publicUrl: config.publicUrl,
          now: deps.clock(),
        });
        // Lax, not strict: the provider sends the browser back with a top-level navigation from its site.
        reply.setCookie(ATTEMPT_COOKIE, started.attemptToken, {
          path: ATTEMPT_COOKIE_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure,
          maxAge: 600,
        });
        return { redirectTo: started.redirectTo, providerName: started.providerName };
      },
    );

    app.get(
      '/auth/single-sign-on/callback',
      operation(
        publicRoute('The identity provider sends the browser back here with a one-time code'),
        'Where the identity provider returns; signs the person in and sends them on',
        { querystring: singleSignOnCallbackQuerySchema },
      ),
      async (request, reply) => {
        const finished = await finishSingleSignOn({
          db,
          attemptToken: request.cookies[ATTEMPT_COOKIE],
          callbackUrl: new URL(request.url, config.publicUrl),
          previousSessionToken: request.cookies[SESSION_COOKIE],
          trustedBrowserToken: request.cookies[TRUSTED_BROWSER_COOKIE],
          sessionConfig: config.session,
          now: deps.clock(),
          request: { ipAddress: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null },
        });
        reply.clearCookie(ATTEMPT_COOKIE, { path: ATTEMPT_COOKIE_PATH });
        if (finished.outcome === 'refused')
          return reply.redirect(`/sign-in?single-sign-on=${finished.reason}`, 303);
        const { started } = finished;
        setSessionCookies(reply, started, config);
        // The sign-in page carries on with the authenticator step when one is still to do.
        return reply.redirect(started.secondFactor === 'done' ? '/' : '/sign-in', 303);
      },
    );

    app.get(
      '/sign-in-providers',
      operation(requires('users.manage'), 'Identity providers your group signs in with', {
        response: { 200: z.object({ providers: z.array(signInProviderViewSchema) }) },
      }),
      async (request) => listSignInProviders(db, actorOf(request), config.publicUrl),
    );

    app.post(
      '/sign-in-providers',
      operation(requires('users.manage'), 'Set up single sign-on with an OpenID Connect provider', {
        body: signInProviderBodySchema,
        response: { 201: signInProviderViewSchema },
      }),
      async (request, reply) => {
        const view = await createSignInProvider(db, actorOf(request), request.body, {
          now: deps.clock(),
          publicUrl: config.publicUrl,
          ipAddress: request.ip,
        });
        return reply.status(201).send(view);
      },
    );

    app.patch(
      '/sign-in-providers/:providerId',
      operation(requires('users.manage'), 'Change a sign-in provider (a secret left out is kept)', {
        params: signInProviderParamsSchema,
        body: signInProviderUpdateSchema,
        response: { 200: signInProviderViewSchema },
      }),
      async (request) =>
        updateSignInProvider(db, actorOf(request), request.params.providerId, request.body, {
          now: deps.clock(),
          publicUrl: config.publicUrl,
          ipAddress: request.ip,
        }),
    );

    app.delete(
      '/sign-in-providers/:providerId',
      operation(requires('users.manage'), 'Stop signing in with this provider', {
        params: signInProviderParamsSchema,
        response: { 204: z.null() },
      }),
      async (request, reply) => {
        await deleteSignInProvider(db, actorOf(request), request.params.providerId, request.ip);
        return reply.status(204).send(null);
      },
    );
  };
}
