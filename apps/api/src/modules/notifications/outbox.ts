/** Putting an email in the outbox. Call it with the transaction of the change the email is about. */
import type { Database } from '../../db/client.ts';
import { emails } from './notifications.table.ts';

export interface QueuedEmail {
  groupId: string;
  kind: string;
  to: string;
  toName?: string | null;
  subject: string;
  text: string;
}

export async function queueEmail(db: Database, email: QueuedEmail, now: Date): Promise<string> {
  const [row] = await db
    .insert(emails)
    .values({
      groupId: email.groupId,
      kind: email.kind,
      toAddress: email.to,
      toName: email.toName ?? null,
      subject: email.subject,
      bodyText: email.text,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: emails.id });
  if (!row) throw new Error('The email was not queued');
  return row.id;
}
