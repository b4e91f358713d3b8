/**
 * The morning reminder of provider evidence to renew: once a day, each group's AP leads and
 * headteachers get one email listing what has expired or runs out within 30 days. The email is queued
 * in the same transaction that claims the day's run, so a crash cannot send it twice or lose it.
 */
import { dateInWords, type Renewal, todayInLondon } from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { startLoop } from '../../lib/background-loop.ts';
import type { Clock } from '../../lib/clock.ts';
import type { ScheduledJob } from '../../lib/use-case.ts';
import { chaseMissingRegisters } from '../attendance/chasers.ts';
import { allGroups } from '../organisation/organisation.repository.ts';
import { listRenewals } from '../providers/renewals.ts';
import { activePeopleWithRole } from '../users/users.repository.ts';
import { openVoiceRequestsForAll } from '../voice/open-requests.ts';
import { sendDigests } from './digest.ts';
import { londonHour, REMINDER_HOUR } from './morning.ts';
import { queueEmail } from './outbox.ts';
import { claimRun } from './scheduled-runs.ts';

export const RENEWALS_JOB = 'evidence_renewals';

function describe(renewal: Renewal): string {
  const when =
    renewal.state === 'expired'
      ? `expired on ${dateInWords(renewal.expiresOn)}`
      : renewal.daysLeft === 0
        ? 'runs out today'
        : `runs out on ${dateInWords(renewal.expiresOn)} (in ${renewal.daysLeft} day${renewal.daysLeft === 1 ? '' : 's'})`;
  return `- ${renewal.providerName}: ${renewal.item} ${when}`;
}

export async function sendRenewalReminders({
  db,
  now,
  publicUrl,
}: ScheduledJob): Promise<{ groupsReminded: number; emailsQueued: number }> {
  if (londonHour(now) < REMINDER_HOUR) return { groupsReminded: 0, emailsQueued: 0 };
  const today = todayInLondon(now);
  const result = { groupsReminded: 0, emailsQueued: 0 };
  for (const group of await allGroups(db)) {
    await db.transaction(async (tx) => {
      if (!(await claimRun(tx, { job: RENEWALS_JOB, groupId: group.id, runOn: today }))) return;
      const renewals = await listRenewals(tx, group.id, today);
      if (renewals.length === 0) return;
      const recipients = await activePeopleWithRole(tx, {
        roles: ['ap_lead', 'headteacher'],
        groupId: group.id,
      });
      const expired = renewals.filter((r) => r.state === 'expired').length;
      for (const person of recipients) {
        await queueEmail(
          tx,
          {
            groupId: group.id,
            kind: 'evidence_renewals',
            to: person.email,
            toName: person.displayName,
            subject: `Provider evidence to renew: ${renewals.length} item${renewals.length === 1 ? '' : 's'}${expired ? `, ${expired} expired` : ''}`,
            text: [
              `Good morning ${person.displayName},`,
              '',
              `This is what has expired, or runs out in the next 30 days, for ${group.name}'s alternative providers.`,
              'Expired insurance or letters stop a provider being approved, so chase these before pupils are placed.',
              '',
              ...renewals.map(describe),
              '',
              `See each provider's checklist: ${publicUrl}/providers`,
            ].join('\n'),
          },
          now,
        );
        result.emailsQueued++;
      }
      await recordAudit(
        tx,
        { actor: { userId: null, displayName: 'Waymark', groupId: group.id } },
        {
          action: 'reminders.renewals_sent',
          recordType: 'group',
          recordId: group.id,
          summary: `Reminded ${recipients.length} people of ${renewals.length} provider renewals (${expired} expired)`,
        },
      );
      result.groupsReminded++;
    });
  }
  return result;
}

/** Checks every few minutes for today's reminders, digests and missing registers; claim rows make extra checks harmless. */
export function startReminders({
  db,
  clock,
  publicUrl,
  log,
  everyMinutes = 5,
}: {
  db: Database;
  clock: Clock;
  publicUrl: string;
  log: { error(object: unknown, message: string): void };
  everyMinutes?: number;
}): { stop(): Promise<void> } {
  return startLoop({
    everyMs: everyMinutes * 60_000,
    runAtStart: true,
    pass: async () => {
      const now = clock();
      await sendRenewalReminders({ db, now, publicUrl });
      await sendDigests({ db, now, publicUrl });
      await openVoiceRequestsForAll(db, now);
      await chaseMissingRegisters({ db, now, publicUrl });
    },
    failure: 'Renewal reminders failed',
    log,
  });
}
