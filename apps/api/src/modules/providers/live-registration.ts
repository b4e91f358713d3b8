/**
 * The registration test's counts from the group's own live placements: pupils of compulsory school
 * age in an active placement of 18 hours or more a week, and how many of them are looked after or
 * have an EHCP. Pupils other commissioners place there are added from what the provider reports.
 */
import {
  FULL_TIME_HOURS,
  hoursPerWeek,
  isCompulsorySchoolAge,
  type SenStatus,
  type TimetableSession,
  yearGroupOn,
} from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import { registrationFactsOf } from '../placements/placements.repository.ts';

export interface LiveCounts {
  fullTimePupils: number;
  fullTimePupilsLookedAfterOrEhcp: number;
}

/**
 * A placement as it would be (started, or with a new timetable), counted in place of how it is stored:
 * the registration test before a change, not after it.
 */
export interface AssumedPlacement {
  placementId: string;
  providerId: string;
  sessions: TimetableSession[];
  pupil: { id: string; dateOfBirth: string; lookedAfter: boolean; senStatus: SenStatus };
}

export type RegistrationFact = Awaited<ReturnType<typeof registrationFactsOf>>[number];

export async function liveRegistrationCounts(
  db: Database,
  providerIds: string[],
  today: string,
  assuming?: AssumedPlacement,
) {
  if (providerIds.length === 0) return new Map<string, LiveCounts>();
  return countLive(await registrationFactsOf(db, providerIds), today, assuming);
}

/** The counts from placements already read: a board that checks many referrals reads them once. */
export function countLive(stored: readonly RegistrationFact[], today: string, assuming?: AssumedPlacement) {
  const counts = new Map<string, LiveCounts>();
  const active = assuming
    ? [
        ...stored.filter((row) => row.placementId !== assuming.placementId),
        {
          placementId: assuming.placementId,
          providerId: assuming.providerId,
          pupilId: assuming.pupil.id,
          sessions: assuming.sessions,
          dateOfBirth: assuming.pupil.dateOfBirth,
          lookedAfter: assuming.pupil.lookedAfter,
          senStatus: assuming.pupil.senStatus,
        },
      ]
    : stored;
  const seen = new Set<string>();
  for (const row of active) {
    const key = `${row.providerId}:${row.pupilId}`;
    if (seen.has(key) || hoursPerWeek(row.sessions) < FULL_TIME_HOURS) continue;
    if (!isCompulsorySchoolAge(yearGroupOn(row.dateOfBirth, today))) continue;
    seen.add(key);
    const current = counts.get(row.providerId) ?? { fullTimePupils: 0, fullTimePupilsLookedAfterOrEhcp: 0 };
    current.fullTimePupils++;
    if (row.lookedAfter || row.senStatus === 'ehcp') current.fullTimePupilsLookedAfterOrEhcp++;
    counts.set(row.providerId, current);
  }
  return counts;
}
