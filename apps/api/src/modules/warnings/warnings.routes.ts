import { defaultWarningSettings, todayInLondon, warningKinds, warningSettingsSchema } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { acknowledgeWarning, earlyWarnings, saveSettings, settingsOf } from './warnings.usecases.ts';

const tags = ['Early warnings'];

const warningSchema = z.object({
  key: z.string(),
  kind: z.enum(Object.keys(warningKinds) as [keyof typeof warningKinds]),
  reason: z.string(),
  measure: z.number(),
  step: z.number(),
  action: z.object({ label: z.string(), link: z.string() }),
  placementId: z.uuid().nullable(),
  providerId: z.uuid(),
  pupilName: z.string().nullable(),
  providerName: z.string(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
});

const warningsSchema = z.object({
  active: z.array(warningSchema),
  acknowledged: z.array(
    warningSchema.extend({
      acknowledgement: z.object({
        note: z.string(),
        byName: z.string(),
        acknowledgedOn: z.string(),
        measure: z.number(),
      }),
    }),
  ),
});

export function warningsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: requires('warnings.read'),
        schema: {
          tags,
          summary: 'Today’s early warnings in your reach; narrow to a school or a placement',
          querystring: z.object({ school: z.uuid().optional(), placement: z.uuid().optional() }),
          response: { 200: warningsSchema },
        },
      },
      async (request) =>
        earlyWarnings(db, actorOf(request), todayInLondon(clock()), {
          schoolId: request.query.school,
          placementId: request.query.placement,
        }),
    );

    app.post(
      '/acknowledgements',
      {
        config: requires('warnings.read'),
        schema: {
          tags,
          summary:
            'Acknowledge a warning with a note; it stays quiet until it worsens. Answers the warnings of the same record',
          body: z.strictObject({
            key: z.string().trim().min(1, 'Say which warning').max(200),
            note: z
              .string()
              .trim()
              .min(3, 'Write what is being done about it (at least a few words)')
              .max(1000, 'Keep the note under 1,000 characters'),
          }),
          response: { 200: warningsSchema },
        },
      },
      async (request) => {
        const now = clock();
        return acknowledgeWarning({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          now,
          today: todayInLondon(now),
          ...request.body,
        });
      },
    );

    app.get(
      '/settings',
      {
        config: requires('warnings.read'),
        schema: {
          tags,
          summary: 'The thresholds the early warnings use, and their defaults',
          response: { 200: z.object({ settings: warningSettingsSchema, defaults: warningSettingsSchema }) },
        },
      },
      async (request) => ({
        settings: await settingsOf(db, actorOf(request).groupId),
        defaults: defaultWarningSettings,
      }),
    );

    app.put(
      '/settings',
      {
        config: requires('warnings.configure'),
        schema: {
          tags,
          summary: 'Change the early warning thresholds for the whole group',
          body: warningSettingsSchema,
          response: { 200: z.object({ settings: warningSettingsSchema, defaults: warningSettingsSchema }) },
        },
      },
      async (request) => ({
        settings: await saveSettings({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          now: clock(),
          settings: request.body,
        }),
        defaults: defaultWarningSettings,
      }),
    );
  };
}
