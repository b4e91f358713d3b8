/**
 * The placements feature's reads of what happened on a placement — its reviews, destinations and
 * contact with the provider — for the features that report on them (governors, training, the
 * inspection pack, early warnings). None needs the pupil, so none joins another feature's table.
 */
import { and, desc, gte, inArray, isNotNull, lte, max, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { placementCommunications, placementDestinations, placementReviews } from './placements.table.ts';

/** Every review of these placements, latest due first. */
export function reviewsOf(db: Database, placementIds: readonly string[]) {
  if (!placementIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(placementReviews)
    .where(inArray(placementReviews.placementId, [...placementIds]))
    .orderBy(desc(placementReviews.dueOn));
}

/** Reviews of these placements held within a period: the decision and progress recorded. */
export function reviewsHeldBetween(
  db: Database,
  placementIds: readonly string[],
  period: { from: string; to: string },
) {
  if (!placementIds.length) return Promise.resolve([]);
  return db
    .select({
      placementId: placementReviews.placementId,
      decision: placementReviews.decision,
      progress: placementReviews.progress,
    })
    .from(placementReviews)
    .where(
      and(
        inArray(placementReviews.placementId, [...placementIds]),
        gte(placementReviews.completedOn, period.from),
        lte(placementReviews.completedOn, period.to),
      ),
    );
}

/** The destination outcomes decided for these placements. */
export function destinationOutcomesOf(db: Database, placementIds: readonly string[]) {
  if (!placementIds.length) return Promise.resolve([]);
  return db
    .select({ outcome: placementDestinations.outcome })
    .from(placementDestinations)
    .where(
      and(
        inArray(placementDestinations.placementId, [...placementIds]),
        isNotNull(placementDestinations.outcome),
      ),
    );
}

/** For each of these placements: the last review held and the next one due. */
export function reviewDatesOf(db: Database, placementIds: readonly string[]) {
  if (!placementIds.length)
    return Promise.resolve([] as { placementId: string; lastHeld: string | null; nextDue: string | null }[]);
  return db
    .select({
      placementId: placementReviews.placementId,
      lastHeld: sql<string | null>`max(${placementReviews.completedOn})`,
      nextDue: sql<
        string | null
      >`min(${placementReviews.dueOn}) filter (where ${placementReviews.completedOn} is null)`,
    })
    .from(placementReviews)
    .where(inArray(placementReviews.placementId, [...placementIds]))
    .groupBy(placementReviews.placementId);
}

/**
 * The last day the school was in touch with each placement's provider: a logged communication or a
 * review meeting, whichever was later. Placements with neither are absent from the map.
 */
export async function lastContactOn(db: Database, placementIds: readonly string[]) {
  const last = new Map<string, string>();
  if (!placementIds.length) return last;
  const ids = [...placementIds];
  const [contacts, reviews] = await Promise.all([
    db
      .select({
        placementId: placementCommunications.placementId,
        last: max(placementCommunications.occurredOn),
      })
      .from(placementCommunications)
      .where(inArray(placementCommunications.placementId, ids))
      .groupBy(placementCommunications.placementId),
    db
      .select({ placementId: placementReviews.placementId, last: max(placementReviews.completedOn) })
      .from(placementReviews)
      .where(inArray(placementReviews.placementId, ids))
      .groupBy(placementReviews.placementId),
  ]);
  for (const c of [...contacts, ...reviews])
    if (c.last && (last.get(c.placementId) ?? '') < c.last) last.set(c.placementId, c.last);
  return last;
}
