/**
 * Opening each half-term's voice requests: one for the pupil and one for a parent per active
 * placement, idempotent on (placement, half-term, respondent). The background loop opens every group's;
 * the what-is-due board and a placement's page open what they show.
 */
import { respondents, todayInLondon, voiceHalfTermOn } from '@waymark/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { allGroups } from '../organisation/organisation.repository.ts';
import { activePlacementsFingerprint, placementTermRecords } from '../placements/placements.repository.ts';
import { voiceRequests } from './voice.table.ts';

/** Opens this half-term's requests for the given active placements (or all the group's). */
export async function openVoiceRequests(
  db: Database,
  { groupId, now, placementIds }: { groupId: string; now: Date; placementIds?: string[] },
) {
  const today = todayInLondon(now);
  const active = await placementTermRecords(db, {
    groupId,
    statuses: ['active'],
    ...(placementIds ? { ids: placementIds } : {}),
  });
  if (!active.length) return 0;
  const calendars = await loadSchoolCalendars(
    db,
    active.map((p) => p.schoolId),
  );
  const rows = active.flatMap((p) => {
    const calendar = calendars.get(p.schoolId);
    const half = calendar ? voiceHalfTermOn(calendar, today) : null;
    if (!half) return [];
    return respondents.map((respondent) => ({
      groupId,
      schoolId: p.schoolId,
      providerId: p.providerId,
      placementId: p.id,
      respondent,
      ...half,
      createdAt: now,
    }));
  });
  if (!rows.length) return 0;
  // Most calls find every request already open: read the keys first so that only the missing are
  // written (an insert of thousands of rows that all conflict costs far more than this read).
  const existing = await db
    .select({
      placementId: voiceRequests.placementId,
      halfTerm: voiceRequests.halfTerm,
      respondent: voiceRequests.respondent,
    })
    .from(voiceRequests)
    .where(
      and(
        eq(voiceRequests.groupId, groupId),
        inArray(voiceRequests.halfTerm, [...new Set(rows.map((r) => r.halfTerm))]),
        placementIds ? inArray(voiceRequests.placementId, placementIds) : undefined,
      ),
    );
  const key = (r: { placementId: string; halfTerm: string; respondent: string }) =>
    `${r.placementId} ${r.halfTerm} ${r.respondent}`;
  const open = new Set(existing.map(key));
  const missing = rows.filter((r) => !open.has(key(r)));
  if (!missing.length) return 0;
  const created = await db
    .insert(voiceRequests)
    .values(missing)
    .onConflictDoNothing()
    .returning({ id: voiceRequests.id });
  return created.length;
}

/** What the active placements of a group looked like when their requests were last opened, by group. */
const openedFor = new Map<string, string>();

/**
 * For the what-is-due board, which asks on every load: opens the group's requests only when the day or
 * the group's active placements (how many, and the latest change) differ from the last time, so a
 * half-term that has just begun or a placement just started shows at once without a write each load.
 */
export async function openVoiceRequestsWhenChanged(
  db: Database,
  { groupId, now }: { groupId: string; now: Date },
) {
  const state = await activePlacementsFingerprint(db, groupId);
  const key = `${todayInLondon(now)} ${state.count} ${state.latest ?? ''}`;
  if (openedFor.get(groupId) === key) return 0;
  const opened = await openVoiceRequests(db, { groupId, now });
  openedFor.set(groupId, key);
  return opened;
}

/** For the background loop: every group's requests for the half-term that has begun. */
export async function openVoiceRequestsForAll(db: Database, now: Date) {
  let opened = 0;
  for (const group of await allGroups(db)) opened += await openVoiceRequests(db, { groupId: group.id, now });
  return opened;
}

/** A placement that ended: its unanswered requests go, and with them the links sent out. */
export async function withdrawVoiceRequests(db: Database, placementId: string) {
  await db
    .delete(voiceRequests)
    .where(and(eq(voiceRequests.placementId, placementId), isNull(voiceRequests.answeredAt)));
}
