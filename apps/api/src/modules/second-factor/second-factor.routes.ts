import { secondFactorCodeSchema, TRUSTED_BROWSER_DAYS } from '@waymark/domain';
import { recoveryCodesSchema, secondFactorStatusSchema } from '@waymark/domain/contracts/account';
import { sessionResponseSchema } from '@waymark/domain/contracts/auth';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires, secondFactorStep, signedIn } from '../../lib/policy.ts';
import { describeSession } from '../auth/auth.usecases.ts';
import { TRUSTED_BROWSER_COOKIE } from '../auth/sessions.ts';
import {
  confirmEnrolment,
  passSecondFactor,
  replaceRecoveryCodes,
  resetSecondFactor,
  secondFactorStatus,
  startEnrolment,
} from './second-factor.usecases.ts';

const operation = describedAs(['Two-factor sign-in']);

/** The steps after the password (under /auth) and managing one's own app (under /account). */
export function secondFactorRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  const { db, clock } = deps;
  function setTrustedCookie(reply: FastifyReply, token: string | null) {
    if (!token) return;
    reply.setCookie(TRUSTED_BROWSER_COOKIE, token, {
      path: '/api/auth',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.cookieSecure,
      maxAge: TRUSTED_BROWSER_DAYS * 86_400,
    });
  }

  const command = commandOf(db);
  return async (app) => {
    app.post(
      '/auth/second-factor',
      operation(
        {
          ...secondFactorStep(),
          rateLimit: { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        'The code from the authenticator app (or a recovery code) after the password',
        {
          body: z.strictObject({ code: secondFactorCodeSchema, trustBrowser: z.boolean().default(false) }),
          response: { 200: sessionResponseSchema },
        },
      ),
      async (request, reply) => {
        const actor = actorOf(request);
        const { trustedToken } = await passSecondFactor({
          db,
          actor,
          code: request.body.code,
          trustBrowser: request.body.trustBrowser,
          now: clock(),
          ipAddress: request.ip,
        });
        setTrustedCookie(reply, trustedToken);
        return { session: await describeSession({ db, actor }) };
      },
    );

    app.post(
      '/auth/second-factor/enrolment',
      operation(
        secondFactorStep(),
        'Start setting up an authenticator app: a secret to scan. Moving to a new phone asks for the password.',
        {
          body: z.strictObject({ password: z.string().max(200).optional() }),
          response: {
            200: z.object({ secret: z.string(), uri: z.string(), qrCode: z.string() }),
          },
        },
      ),
      async (request) =>
        startEnrolment({ db, actor: actorOf(request), password: request.body.password, now: clock() }),
    );

    app.post(
      '/auth/second-factor/enrolment/confirm',
      operation(
        {
          ...secondFactorStep(),
          rateLimit: { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        'Confirm the new app with its first code; the recovery codes are shown this once',
        {
          body: z.strictObject({ code: secondFactorCodeSchema, trustBrowser: z.boolean().default(false) }),
          response: { 200: recoveryCodesSchema.extend({ session: sessionResponseSchema.shape.session }) },
        },
      ),
      async (request, reply) => {
        const actor = actorOf(request);
        const { recoveryCodes, trustedToken } = await confirmEnrolment({
          db,
          actor,
          code: request.body.code,
          trustBrowser: request.body.trustBrowser,
          now: clock(),
          ipAddress: request.ip,
        });
        setTrustedCookie(reply, trustedToken);
        return { recoveryCodes, session: await describeSession({ db, actor }) };
      },
    );

    app.get(
      '/account/second-factor',
      operation(signedIn(), 'Your two-factor sign-in: required or not, set up or not, recovery codes left', {
        response: { 200: secondFactorStatusSchema },
      }),
      async (request) => secondFactorStatus(db, actorOf(request)),
    );

    app.post(
      '/account/second-factor/recovery-codes',
      operation(signedIn(), 'Replace your recovery codes with ten new ones, shown this once', {
        response: { 200: recoveryCodesSchema },
      }),
      async (request) => replaceRecoveryCodes({ ...command(request), now: clock() }),
    );

    app.delete(
      '/users/:userId/second-factor',
      operation(
        requires('users.manage'),
        "Reset someone's two-factor sign-in (lost phone and codes); their sessions end",
        { params: z.object({ userId: z.uuid({ message: 'Not a user id' }) }), response: { 204: z.null() } },
      ),
      async (request, reply) => {
        await resetSecondFactor({ ...command(request), userId: request.params.userId });
        return reply.status(204).send(null);
      },
    );
  };
}
