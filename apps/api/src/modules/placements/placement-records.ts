/**
 * A placement's own records as its page shows them: contacts with the provider, direction reviews and
 * what was shared. Reads only, so the placement view and the use cases that write these records can
 * both depend on this file without depending on each other.
 */
import { directionReviewRequestState } from '@waymark/domain';
import { asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { documentTitles } from '../pupils/pupils.repository.ts';
import { directionReviews, placementCommunications, placementShares } from './placements.table.ts';

export async function communicationsOf(db: Database, placementId: string) {
  const rows = await db
    .select()
    .from(placementCommunications)
    .where(eq(placementCommunications.placementId, placementId))
    .orderBy(desc(placementCommunications.occurredOn), desc(placementCommunications.recordedAt));
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind,
    occurredOn: c.occurredOn,
    withWhom: c.withWhom,
    summary: c.summary,
    followUp: c.followUp,
    recordedByName: c.recordedByName,
  }));
}

/** The placement's requests, each with where it stands, and the board's reviews, oldest first. */
export async function directionReviewsOf(db: Database, placementId: string) {
  const rows = await db
    .select()
    .from(directionReviews)
    .where(eq(directionReviews.placementId, placementId))
    .orderBy(asc(directionReviews.on), asc(directionReviews.recordedAt));
  const held = rows.filter((r) => r.kind === 'held');
  const heldOn = held.map((r) => r.on);
  return {
    requests: rows
      .filter((r) => r.kind === 'requested')
      .map((r) => ({
        id: r.id,
        requestedOn: r.on,
        requestedBy: r.requestedBy!,
        note: r.note,
        recordedByName: r.recordedByName,
        ...directionReviewRequestState(r.on, heldOn),
      })),
    held: held.map((r) => ({
      id: r.id,
      heldOn: r.on,
      outcome: r.outcome!,
      note: r.note,
      recordedByName: r.recordedByName,
    })),
  };
}

export async function sharesOf(db: Database, placementId: string) {
  const shares = await db
    .select()
    .from(placementShares)
    .where(eq(placementShares.placementId, placementId))
    .orderBy(desc(placementShares.sharedOn), desc(placementShares.createdAt));
  const titles = await documentTitles(
    db,
    shares.flatMap((s) => (s.documentId ? [s.documentId] : [])),
  );
  const rows = shares.map((share) => ({ share, ...titles.get(share.documentId ?? '') }));
  return rows.map(({ share, title, version }) => ({
    id: share.id,
    what: share.what,
    method: share.method,
    sharedOn: share.sharedOn,
    sharedByName: share.sharedByName,
    document: share.documentId ? { id: share.documentId, title: title ?? '', version: version ?? 1 } : null,
  }));
}
