/** The outbox as administrators see it: what Waymark sent or is trying to send, and why one failed. */
import { and, count, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import { offsetOf, type PageQuery } from '../../lib/pagination.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { type EmailStatus, emails } from './notifications.table.ts';

export const outboxErrors = {
  notFound: defineError('outbox.not_found', 404, 'There is no such email in your group’s outbox.'),
  notFailed: defineError(
    'outbox.not_failed',
    409,
    'Only an email that failed can be sent again; this one is queued or already sent.',
  ),
};

const summaryColumns = {
  id: emails.id,
  kind: emails.kind,
  toAddress: emails.toAddress,
  toName: emails.toName,
  subject: emails.subject,
  status: emails.status,
  attempts: emails.attempts,
  nextAttemptAt: emails.nextAttemptAt,
  lastError: emails.lastError,
  createdAt: emails.createdAt,
  sentAt: emails.sentAt,
};

/**
 * One-time links (invitations, voice forms) are for the person they were sent to. Until an email has
 * gone, an administrator may need to pass its link on by hand; once sent, the outbox hides the token.
 */
const ONE_TIME_LINK = /(\/(?:voice|invitation)\/)[A-Za-z0-9_-]{20,}/g;
export const maskOneTimeLinks = (text: string) => text.replace(ONE_TIME_LINK, '$1[hidden once sent]');

function present<T extends { nextAttemptAt: Date; createdAt: Date; sentAt: Date | null }>(email: T) {
  return {
    ...email,
    nextAttemptAt: email.nextAttemptAt.toISOString(),
    createdAt: email.createdAt.toISOString(),
    sentAt: email.sentAt?.toISOString() ?? null,
  };
}

export async function listOutbox({
  db,
  actor,
  status,
  page,
}: Reading & { status: EmailStatus | undefined; page: PageQuery }) {
  const where = and(eq(emails.groupId, actor.groupId), status ? eq(emails.status, status) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(emails)
      .where(where)
      .orderBy(desc(emails.createdAt), desc(emails.id))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ n: count() }).from(emails).where(where),
  ]);
  return { emails: rows.map(present), pageInfo: { ...page, total: total?.n ?? 0 } };
}

export async function readEmail({
  db,
  actor,
  ipAddress,
  emailId,
}: Reading & { ipAddress: string | null; emailId: string }) {
  return db.transaction(async (tx) => {
    const [email] = await tx
      .select({ ...summaryColumns, bodyText: emails.bodyText, messageId: emails.messageId })
      .from(emails)
      .where(and(eq(emails.id, emailId), eq(emails.groupId, actor.groupId)));
    if (!email) throw outboxErrors.notFound();
    // An email can name a pupil or carry a sign-in link, so reading one is on the record.
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'outbox.email_read',
        recordType: 'email',
        recordId: email.id,
        summary: `Read the email “${email.subject}” to ${email.toAddress}`,
      },
    );
    return present({
      ...email,
      bodyText: email.status === 'sent' ? maskOneTimeLinks(email.bodyText) : email.bodyText,
    });
  });
}

export async function retryEmail({ db, actor, ipAddress, emailId, now }: Command & { emailId: string }) {
  await db.transaction(async (tx) => {
    const [email] = await tx
      .select({ status: emails.status, subject: emails.subject, toAddress: emails.toAddress })
      .from(emails)
      .where(and(eq(emails.id, emailId), eq(emails.groupId, actor.groupId)))
      .for('update');
    if (!email) throw outboxErrors.notFound();
    if (email.status !== 'failed') throw outboxErrors.notFailed();
    await tx
      .update(emails)
      .set({ status: 'queued', attempts: 0, nextAttemptAt: now, lastError: null })
      .where(eq(emails.id, emailId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'outbox.email_retried',
        recordType: 'email',
        recordId: emailId,
        summary: `Sent the email “${email.subject}” to ${email.toAddress} again after it failed`,
      },
    );
  });
  return readEmail({ db, actor, ipAddress, emailId });
}
