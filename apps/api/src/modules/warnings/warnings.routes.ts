import { defaultWarningSettings, todayInLondon } from '@waymark/domain';
import {
  acknowledgementBodySchema,
  warningSettingsAnswerSchema,
  warningSettingsSchema,
  warningsSchema,
} from '@waymark/domain/contracts/warnings';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { acknowledgeWarning, earlyWarnings, saveSettings, settingsOf } from './warnings.usecases.ts';

const operation = describedAs(['Early warnings']);

export function warningsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/',
      operation(
        requires('warnings.read'),
        'Today’s early warnings in your reach; narrow to a school or a placement',
        {
          querystring: z.object({ school: z.uuid().optional(), placement: z.uuid().optional() }),
          response: { 200: warningsSchema },
        },
      ),
      async (request) =>
        earlyWarnings(db, actorOf(request), todayInLondon(clock()), {
          schoolId: request.query.school,
          placementId: request.query.placement,
        }),
    );

    app.post(
      '/acknowledgements',
      operation(
        requires('warnings.read'),
        'Acknowledge a warning with a note; it stays quiet until it worsens. Answers the warnings of the same record',
        { body: acknowledgementBodySchema, response: { 200: warningsSchema } },
      ),
      async (request) => {
        const now = clock();
        return acknowledgeWarning({ ...command(request), now, today: todayInLondon(now), ...request.body });
      },
    );

    app.get(
      '/settings',
      operation(requires('warnings.read'), 'The thresholds the early warnings use, and their defaults', {
        response: { 200: warningSettingsAnswerSchema },
      }),
      async (request) => ({
        settings: await settingsOf(db, actorOf(request).groupId),
        defaults: defaultWarningSettings,
      }),
    );

    app.put(
      '/settings',
      operation(requires('warnings.configure'), 'Change the early warning thresholds for the whole group', {
        body: warningSettingsSchema,
        response: { 200: warningSettingsAnswerSchema },
      }),
      async (request) => ({
        settings: await saveSettings({ ...command(request), now: clock(), settings: request.body }),
        defaults: defaultWarningSettings,
      }),
    );
  };
}
