/**
 * Delivers queued emails. Each pass leases a few due emails (so parallel server processes never send
 * the same one), sends them outside any transaction, then records the result. A failed attempt is
 * retried with a growing wait; after the last attempt the email is marked failed and stays visible
 * in the outbox, where an administrator can send it again.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { startLoop } from '../../lib/background-loop.ts';
import type { Mailer } from './mailer.ts';
import { emails } from './notifications.table.ts';

export const MAX_ATTEMPTS = 8;
const LEASE_MINUTES = 5;
const BATCH_SIZE = 20;

/** 1, 2, 4 … minutes, at most an hour: a server down for a morning is ridden out. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

const addMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

async function leaseDueEmails(db: Database, now: Date) {
  return db.transaction(async (tx) => {
    const due = await tx
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
      .limit(BATCH_SIZE)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emails)
      .set({ leaseUntil: addMinutes(now, LEASE_MINUTES), attempts: sql`${emails.attempts} + 1` })
      .where(
        inArray(
          emails.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

export async function deliverDueEmails({
  db,
  mailer,
  clock,
}: {
  db: Database;
  mailer: Mailer;
  clock: () => Date;
}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const leased = await leaseDueEmails(db, clock());
  for (const email of leased) {
    try {
      const { messageId } = await mailer.send({
        to: email.toAddress,
        toName: email.toName,
        subject: email.subject,
        text: email.bodyText,
      });
      await db
        .update(emails)
        .set({ status: 'sent', sentAt: clock(), messageId, leaseUntil: null, lastError: null })
        .where(eq(emails.id, email.id));
      result.sent++;
    } catch (error) {
      const giveUp = email.attempts >= MAX_ATTEMPTS;
      await db
        .update(emails)
        .set({
          status: giveUp ? 'failed' : 'queued',
          nextAttemptAt: addMinutes(clock(), retryDelayMinutes(email.attempts)),
          leaseUntil: null,
          lastError: String((error as Error).message ?? error).slice(0, 500),
        })
        .where(eq(emails.id, email.id));
      if (giveUp) result.failed++;
      else result.retrying++;
    }
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
