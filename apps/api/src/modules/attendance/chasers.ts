/**
 * Chasing missing registers (policy §9): once the agreed time for a session has passed and a provider
 * has not reported every pupil expected with it, its portal users get one email for that session,
 * claimed in `scheduled_runs` so it is sent once however many server processes check.
 */
import { dateInWords, isLateSubmission, pupilDisplayName, todayInLondon } from '@waymark/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import type { ScheduledJob } from '../../lib/use-case.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { claimRun } from '../notifications/scheduled-runs.ts';
import { allGroups } from '../organisation/organisation.repository.ts';
import { dueTimesOf } from '../providers/providers.repository.ts';
import { activePeopleWithRole } from '../users/users.repository.ts';
import { attendanceMarks } from './attendance.table.ts';
import { placementsExpectedOn } from './expected.ts';

export async function chaseMissingRegisters({ db, now, publicUrl }: ScheduledJob) {
  const today = todayInLondon(now);
  let chased = 0;
  for (const group of await allGroups(db)) {
    const expected = await placementsExpectedOn(db, today, { groupId: group.id });
    if (expected.length === 0) continue;
    const marks = await db
      .select({ placementId: attendanceMarks.placementId, session: attendanceMarks.session })
      .from(attendanceMarks)
      .where(
        and(
          eq(attendanceMarks.date, today),
          inArray(
            attendanceMarks.placementId,
            expected.map((e) => e.placement.id),
          ),
        ),
      );
    const providerIds = [...new Set(expected.map((e) => e.placement.providerId))];
    const dueBy = await dueTimesOf(db, providerIds);
    for (const providerId of providerIds)
      for (const session of ['am', 'pm'] as const) {
        const due = dueBy(providerId)[session];
        if (!isLateSubmission(now, today, due)) continue;
        const missing = expected.filter(
          (e) =>
            e.placement.providerId === providerId &&
            e.sessions.includes(session) &&
            !marks.some((m) => m.placementId === e.placement.id && m.session === session),
        );
        if (missing.length === 0) continue;
        if (await chase(db, { groupId: group.id, providerId, session, today, due, missing, now, publicUrl }))
          chased++;
      }
  }
  return { chased };
}

async function chase(
  db: Database,
  args: {
    groupId: string;
    providerId: string;
    session: 'am' | 'pm';
    today: string;
    due: string;
    missing: Awaited<ReturnType<typeof placementsExpectedOn>>;
    now: Date;
    publicUrl: string;
  },
) {
  return db.transaction(async (tx) => {
    const claimed = await claimRun(tx, {
      job: `register_chase:${args.providerId}:${args.session}`,
      groupId: args.groupId,
      runOn: args.today,
    });
    if (!claimed) return false;
    const staff = await activePeopleWithRole(tx, {
      roles: ['provider_staff'],
      scopes: [{ type: 'provider', id: args.providerId }],
    });
    const part = args.session === 'am' ? 'morning' : 'afternoon';
    const names = args.missing.map((m) => `- ${pupilDisplayName(m.pupil)} (${m.schoolName})`);
    for (const person of staff)
      await queueEmail(
        tx,
        {
          groupId: args.groupId,
          kind: 'register_missing',
          to: person.email,
          toName: person.displayName,
          subject: `Register not received: ${part} of ${dateInWords(args.today, { weekday: true })}`,
          text: [
            `Hello ${person.displayName},`,
            '',
            `The ${part} register for ${dateInWords(args.today, { weekday: true })} was due by ${args.due} and has not been sent for:`,
            ...names,
            '',
            `Please send it now: ${args.publicUrl}/portal/register`,
            'The school follows up every unexplained absence on the first day.',
          ].join('\n'),
        },
        args.now,
      );
    await recordAudit(
      tx,
      { actor: { userId: null, displayName: 'Waymark', groupId: args.groupId } },
      {
        action: 'attendance.register_chased',
        recordType: 'provider',
        recordId: args.providerId,
        summary: `Chased the ${part} register of ${dateInWords(args.today)} (${args.missing.length} pupils not reported; ${staff.length} people emailed)`,
      },
    );
    return true;
  });
}
