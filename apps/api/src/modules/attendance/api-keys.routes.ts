import { absenceReasons, isoDateSchema, providerMarks, todayInLondon } from '@waymark/domain';
import {
  apiKeyListSchema,
  issueApiKeyBodySchema,
  issuedApiKeySchema,
} from '@waymark/domain/contracts/attendance';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { providerApiKey, requires } from '../../lib/policy.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { placementsExpectedOn } from './expected.ts';
import { recordMarks, registerError } from './register.usecases.ts';

const operation = describedAs(['Attendance']);
const providerParams = z.object({ providerId: z.uuid({ message: 'Not a provider id' }) });

export function apiKeysRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/providers/:providerId/api-keys',
      operation(requires('providers.manage'), 'API keys issued to the provider', {
        params: providerParams,
        response: { 200: apiKeyListSchema },
      }),
      async (request) => ({
        keys: await listApiKeys({ db, actor: actorOf(request), providerId: request.params.providerId }),
      }),
    );

    app.post(
      '/providers/:providerId/api-keys',
      operation(
        requires('providers.manage'),
        'Issue an API key for the provider’s own register system (shown once)',
        { params: providerParams, body: issueApiKeyBodySchema, response: { 201: issuedApiKeySchema } },
      ),
      async (request, reply) =>
        reply.status(201).send(
          await createApiKey({
            ...command(request),
            providerId: request.params.providerId,
            name: request.body.name,
          }),
        ),
    );

    app.post(
      '/providers/:providerId/api-keys/:keyId/revoke',
      operation(requires('providers.manage'), 'Revoke an API key: calls with it are refused from now on', {
        params: providerParams.extend({ keyId: z.uuid({ message: 'Not a key id' }) }),
        response: { 200: apiKeyListSchema },
      }),
      async (request) => ({
        keys: await revokeApiKey({
          ...command(request),
          providerId: request.params.providerId,
          keyId: request.params.keyId,
          now: clock(),
        }),
      }),
    );

    app.post(
      '/provider-api/register',
      operation(
        providerApiKey(),
        'For a provider’s own system (Authorization: Bearer <key>): one session’s marks by UPN; idempotent',
        {
          security: [{ providerKey: [] }],
          body: z.strictObject({
            date: isoDateSchema,
            session: z.enum(['am', 'pm'], { message: 'Choose am or pm' }),
            marks: z
              .array(
                z.strictObject({
                  upn: z.string().trim().toUpperCase(),
                  mark: z.enum(providerMarks, { message: 'Choose present, late or absent' }),
                  reason: z.enum(absenceReasons).optional(),
                  correctionReason: z.string().trim().max(500).optional(),
                }),
              )
              .min(1)
              .max(200),
          }),
          response: { 200: z.object({ recorded: z.number().int() }) },
        },
      ),
      async (request) => {
        const actor = actorOf(request);
        const { date, session, marks } = request.body;
        return db.transaction(async (tx) => {
          const expected = await placementsExpectedOn(tx, date, {
            groupId: actor.groupId,
            providerIds: [actor.assignments[0]!.scopeId],
          });
          const missing = marks.flatMap((m, i) =>
            expected.some((e) => e.pupil.upn === m.upn)
              ? []
              : [
                  {
                    path: `marks.${i}.upn`,
                    message: `No pupil with UPN ${m.upn} is expected with you on ${date}`,
                  },
                ],
          );
          if (missing.length) throw registerError(missing);
          return recordMarks(tx, {
            actor,
            ipAddress: request.ip,
            date,
            session,
            marks: marks.map(({ upn, ...m }) => ({
              ...m,
              placementId: expected.find((e) => e.pupil.upn === upn)!.placement.id,
            })),
            now: clock(),
            today: todayInLondon(clock()),
            source: 'api',
          });
        });
      },
    );
  };
}
