/**
 * The morning digest: from 07:00 London time, one email per person with everything held for them since
 * the last one. The day's run is claimed per group (scheduled_runs), and the items are marked with the
 * email that carried them in the same transaction, so none is sent twice or lost.
 */
import { todayInLondon } from '@waymark/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ScheduledJob } from '../../lib/use-case.ts';
import { allGroups } from '../organisation/organisation.repository.ts';
import { contactsOf } from '../users/users.repository.ts';
import { londonHour, REMINDER_HOUR } from './morning.ts';
import { digestItems } from './notifications.table.ts';
import { queueEmail } from './outbox.ts';
import { claimRun } from './scheduled-runs.ts';

export const DIGEST_JOB = 'daily_digest';

export async function sendDigests({ db, now, publicUrl }: ScheduledJob): Promise<{ digests: number }> {
  if (londonHour(now) < REMINDER_HOUR) return { digests: 0 };
  const today = todayInLondon(now);
  let digests = 0;
  for (const group of await allGroups(db)) {
    await db.transaction(async (tx) => {
      if (!(await claimRun(tx, { job: DIGEST_JOB, groupId: group.id, runOn: today }))) return;
      const items = await tx
        .select({ item: digestItems })
        .from(digestItems)
        .where(and(eq(digestItems.groupId, group.id), isNull(digestItems.sentInEmailId)))
        .orderBy(asc(digestItems.createdAt));
      const contacts = new Map(
        (await contactsOf(tx, [...new Set(items.map((r) => r.item.userId))])).map((c) => [c.userId, c]),
      );
      const pending = items.flatMap((row) => {
        const contact = contacts.get(row.item.userId);
        return contact ? [{ ...row, email: contact.email, displayName: contact.displayName }] : [];
      });
      const byUser = new Map<string, typeof pending>();
      for (const row of pending) byUser.set(row.item.userId, [...(byUser.get(row.item.userId) ?? []), row]);
      for (const [userId, rows] of byUser) {
        const { email, displayName } = rows[0]!;
        const emailId = await queueEmail(
          tx,
          {
            groupId: group.id,
            kind: 'daily_digest',
            to: email,
            toName: displayName,
            subject: `Waymark: ${rows.length} update${rows.length === 1 ? '' : 's'} since yesterday`,
            text: [
              `Good morning ${displayName},`,
              '',
              'These came in since your last digest. You chose to have them once a day; change that on your account page.',
              '',
              ...rows.flatMap(({ item }) => [`## ${item.subject}`, '', item.bodyText, '']),
              `Your account: ${publicUrl}/account`,
            ].join('\n'),
          },
          now,
        );
        await tx
          .update(digestItems)
          .set({ sentInEmailId: emailId })
          .where(and(eq(digestItems.userId, userId), isNull(digestItems.sentInEmailId)));
        digests++;
      }
    });
  }
  return { digests };
}
