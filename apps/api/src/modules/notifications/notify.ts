/**
 * Telling a member of staff about something: at once through the outbox, or held for their morning
 * digest when they chose that for a kind that can wait. Call it in the transaction of the change.
 */
import { deliveryFor, type NotificationKind } from '@waymark/domain';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { digestItems, notificationPreferences } from './notifications.table.ts';
import { queueEmail } from './outbox.ts';

export interface Notification {
  groupId: string;
  kind: NotificationKind;
  to: { userId: string; email: string; displayName: string };
  subject: string;
  text: string;
}

export async function notify(db: Database, n: Notification, now: Date): Promise<'immediate' | 'digest'> {
  const [chosen] = await db
    .select({ mode: notificationPreferences.mode })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, n.to.userId), eq(notificationPreferences.kind, n.kind)));
  const mode = deliveryFor(n.kind, chosen?.mode);
  if (mode === 'digest')
    await db.insert(digestItems).values({
      groupId: n.groupId,
      userId: n.to.userId,
      kind: n.kind,
      subject: n.subject,
      bodyText: n.text,
      createdAt: now,
    });
  else
    await queueEmail(
      db,
      {
        groupId: n.groupId,
        kind: n.kind,
        to: n.to.email,
        toName: n.to.displayName,
        subject: n.subject,
        text: n.text,
      },
      now,
    );
  return mode;
}
