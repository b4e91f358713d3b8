/** A provider records the days it is closed; no register is expected from it on those days. */
import { dateInWords } from '@waymark/domain';
import { and, asc, gte, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Reading } from '../../lib/use-case.ts';
import { providerClosureDays } from './attendance.table.ts';

export async function listClosures({ db, actor, today }: { db: Database; actor: Actor; today: string }) {
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  if (providerIds.length === 0) return [];
  const rows = await db
    .select()
    .from(providerClosureDays)
    .where(and(inArray(providerClosureDays.providerId, providerIds), gte(providerClosureDays.date, today)))
    .orderBy(asc(providerClosureDays.date));
  return rows.map((r) => ({ id: r.id, date: r.date, note: r.note, recordedByName: r.recordedByName }));
}

export async function recordClosure({
  db,
  actor,
  ipAddress,
  input,
}: Reading & { ipAddress: string | null; input: { date: string; note: string } }) {
  const [providerId, ...others] = reachOf(actor, 'portal.use').providerIds;
  if (!providerId || others.length)
    throw fieldError('attendance.provider_unclear', 'date', 'Your account is not for exactly one provider');
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(providerClosureDays)
      .values({ groupId: actor.groupId, providerId, ...input, recordedByName: actor.displayName })
      .onConflictDoNothing()
      .returning({ id: providerClosureDays.id });
    if (inserted.length === 0)
      throw fieldError('attendance.closure_exists', 'date', 'This day is already recorded as closed');
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'attendance.provider_closed',
        recordType: 'provider',
        recordId: providerId,
        summary: `Recorded the provider closed on ${dateInWords(input.date)}: ${input.note}`,
      },
    );
  });
}
