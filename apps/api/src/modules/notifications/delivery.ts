/**
 * Delivers queued emails. A pass claims one due email at a time with a lease and a token of its own,
 * sends it outside any transaction, and keeps the lease alive while the SMTP server takes its time: so
 * while a process lives, no other process sends what it claimed, however slow the server. A result is
 * recorded only if the lease is still this pass's (fenced by the token). A process that dies mid-send
 * lets its lease lapse and another sends the email then. A failed attempt is retried with a growing
 * wait; after the last attempt the email is marked failed and stays in the outbox, where an
 * administrator can send it again. See decision 0008.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { startLoop } from '../../lib/background-loop.ts';
import type { Mailer } from './mailer.ts';
import { emails } from './notifications.table.ts';

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 5 * 60_000;
const BATCH_SIZE = 20;

/** 1, 2, 4 … minutes, at most an hour: a server down for a morning is ridden out. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
const addMinutes = (date: Date, minutes: number) => addMs(date, minutes * 60_000);

/** Claims the next due email for this pass, or null when nothing is due. */
async function claimNextEmail(db: Database, now: Date, token: string, leaseMs: number) {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: emails.id })
      .from(emails)
      .where(
        and(
          eq(emails.status, 'queued'),
          lte(emails.nextAttemptAt, now),
          or(isNull(emails.leaseUntil), lte(emails.leaseUntil, now)),
        ),
      )
      .orderBy(asc(emails.nextAttemptAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!due) return null;
    const [claimed] = await tx
      .update(emails)
      .set({ leaseUntil: addMs(now, leaseMs), leaseToken: token, attempts: sql`${emails.attempts} + 1` })
      .where(eq(emails.id, due.id))
      .returning();
    return claimed ?? null;
  });
}

/** Only while the lease is still ours: another pass may have taken over a lease that lapsed. */
const stillOurs = (id: string, token: string) => and(eq(emails.id, id), eq(emails.leaseToken, token));

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

export async function deliverDueEmails({
  db,
  mailer,
  clock,
  leaseMs = LEASE_MS,
}: {
  db: Database;
  mailer: Mailer;
  clock: () => Date;
  /** How long a claim lasts without renewal; renewed three times a lease while a message is sending. */
  leaseMs?: number;
}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const token = randomUUID();
  for (let i = 0; i < BATCH_SIZE; i++) {
    const email = await claimNextEmail(db, clock(), token, leaseMs);
    if (!email) break;
    const heartbeat = setInterval(() => {
      void db
        .update(emails)
        .set({ leaseUntil: addMs(clock(), leaseMs) })
        .where(stillOurs(email.id, token))
        .catch(() => {
          // A missed renewal only shortens the lease; the next one tries again.
        });
    }, leaseMs / 3);
    let sent: { messageId: string } | { failure: unknown };
    try {
      sent = await mailer.send({
        to: email.toAddress,
        toName: email.toName,
        subject: email.subject,
        text: email.bodyText,
      });
    } catch (failure) {
      sent = { failure };
    } finally {
      clearInterval(heartbeat);
    }
    if ('messageId' in sent) {
      await db
        .update(emails)
        .set({
          status: 'sent',
          sentAt: clock(),
          messageId: sent.messageId,
          leaseUntil: null,
          leaseToken: null,
          lastError: null,
        })
        .where(stillOurs(email.id, token));
      result.sent++;
      continue;
    }
    const giveUp = email.attempts >= MAX_ATTEMPTS;
    await db
      .update(emails)
      .set({
        status: giveUp ? 'failed' : 'queued',
        nextAttemptAt: addMinutes(clock(), retryDelayMinutes(email.attempts)),
        leaseUntil: null,
        leaseToken: null,
        lastError: String((sent.failure as Error).message ?? sent.failure).slice(0, 500),
      })
      .where(stillOurs(email.id, token));
    if (giveUp) result.failed++;
    else result.retrying++;
  }
  return result;
}

/** Runs delivery every few seconds until stopped. One pass at a time; errors are logged, never thrown. */
export function startEmailDelivery({
  db,
  mailer,
  clock,
  everySeconds,
  log,
}: {
  db: Database;
  mailer: Mailer;
  clock: () => Date;
  everySeconds: number;
  log: { error(object: unknown, message: string): void };
}): { stop(): Promise<void> } {
  const loop = startLoop({
    everyMs: everySeconds * 1000,
    runAtStart: false,
    pass: () => deliverDueEmails({ db, mailer, clock }),
    failure: 'Email delivery pass failed',
    log,
  });
  return {
    async stop() {
      await loop.stop();
      mailer.close();
    },
  };
}
