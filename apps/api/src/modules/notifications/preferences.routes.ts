import { deliveryFor, deliveryModes, notificationKindInfo, notificationKinds } from '@waymark/domain';
import { preferencesSchema } from '@waymark/domain/contracts/account';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { fieldError } from '../../lib/errors.ts';
import { describedAs } from '../../lib/operation.ts';
import { signedIn } from '../../lib/policy.ts';
import { notificationPreferences } from './notifications.table.ts';

const operation = describedAs(['Your account']);

async function preferencesOf(db: Database, userId: string) {
  const chosen = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const modeOf = new Map(chosen.map((c) => [c.kind, c.mode]));
  return notificationKinds.map((kind) => ({
    kind,
    ...notificationKindInfo[kind],
    mode: deliveryFor(kind, modeOf.get(kind)),
  }));
}

export function notificationPreferencesRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/notifications',
      operation(signedIn(), 'Your email notifications: at once or in a daily digest, per kind', {
        response: { 200: preferencesSchema },
      }),
      async (request) => ({ preferences: await preferencesOf(db, actorOf(request).userId) }),
    );

    app.put(
      '/notifications',
      operation(signedIn(), 'Choose at once or the daily digest (07:00) for kinds that can wait', {
        body: z.strictObject({
          kind: z.enum(notificationKinds, { message: 'Not a kind of email Waymark sends' }),
          mode: z.enum(deliveryModes, { message: 'Choose at once or the daily digest' }),
        }),
        response: { 200: preferencesSchema },
      }),
      async (request) => {
        const actor = actorOf(request);
        const { kind, mode } = request.body;
        if (notificationKindInfo[kind].urgent && mode === 'digest')
          throw fieldError('notifications.urgent', 'mode', 'This kind is urgent: it is always sent at once');
        await db.transaction(async (tx) => {
          await tx
            .insert(notificationPreferences)
            .values({ userId: actor.userId, kind, mode })
            .onConflictDoUpdate({
              target: [notificationPreferences.userId, notificationPreferences.kind],
              set: { mode },
            });
          await recordAudit(
            tx,
            { actor, ipAddress: request.ip },
            {
              action: 'account.notifications_changed',
              recordType: 'user',
              recordId: actor.userId,
              summary: `${notificationKindInfo[kind].label}: ${mode === 'digest' ? 'daily digest' : 'at once'}`,
            },
          );
        });
        return { preferences: await preferencesOf(db, actor.userId) };
      },
    );
  };
}
