/** The voice feature's front door: a pupil's answers for a subject access export, and their erasure. */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { voiceChanges, voiceRequests } from './voice.table.ts';

/** What the pupil and their parents answered about these placements (the links themselves are not data). */
export function voiceAnswersOf(db: Database, placementIds: readonly string[]) {
  if (!placementIds.length) return Promise.resolve([]);
  return db
    .select({
      respondent: voiceRequests.respondent,
      halfTerm: voiceRequests.halfTerm,
      answers: voiceRequests.answers,
      answeredAt: voiceRequests.answeredAt,
    })
    .from(voiceRequests)
    .where(inArray(voiceRequests.placementId, [...placementIds]));
}

/** Deletes every request and change of these placements. */
export async function eraseVoiceOf(tx: Database, placementIds: readonly string[]) {
  if (!placementIds.length) return;
  for (const table of [voiceChanges, voiceRequests])
    await tx.delete(table).where(inArray(table.placementId, [...placementIds]));
}

/** The answers given at these schools to the requests of one term. */
export function voiceAnswersOfTerm(
  db: Database,
  schoolIds: readonly string[],
  academicYear: string,
  term: 'autumn' | 'spring' | 'summer',
) {
  if (!schoolIds.length) return Promise.resolve([]);
  return db
    .select({ respondent: voiceRequests.respondent, answers: voiceRequests.answers })
    .from(voiceRequests)
    .where(
      and(
        inArray(voiceRequests.schoolId, [...schoolIds]),
        sql`${voiceRequests.halfTerm} like ${`${academicYear} ${term}%`}`,
        isNotNull(voiceRequests.answeredAt),
      ),
    );
}

/** The day each of these placements' pupil last answered (London date). */
export function lastPupilAnswers(db: Database, placementIds: readonly string[]) {
  if (!placementIds.length) return Promise.resolve([] as { placementId: string; last: string | null }[]);
  return db
    .select({
      placementId: voiceRequests.placementId,
      last: sql<string | null>`max((${voiceRequests.answeredAt} at time zone 'Europe/London')::date)::text`,
    })
    .from(voiceRequests)
    .where(
      and(
        inArray(voiceRequests.placementId, [...placementIds]),
        eq(voiceRequests.respondent, 'pupil'),
        isNotNull(voiceRequests.answeredAt),
      ),
    )
    .groupBy(voiceRequests.placementId);
}
