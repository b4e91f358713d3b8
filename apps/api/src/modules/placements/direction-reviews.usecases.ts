/**
 * Reviews of an off-site direction: the AP lead records a written request from the parents or the local
 * authority, and the reviews the governing board holds; the domain rule says whether each request is
 * owed a review (none in the 10 weeks before it) and whether one has met it.
 */

import type { DirectionReviewInput } from '@waymark/domain';
import { dateInWords } from '@waymark/domain';
import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { findPlacementInReach } from './placement-view.ts';
import { placementsErrors } from './placements.errors.ts';
import { directionReviews } from './placements.table.ts';
import { type Command, getPlacement } from './placements.usecases.ts';

/** The request and review dates of the given directions, by placement: what the board's rule reads. */
export async function directionReviewDates(db: Database, placementIds: readonly string[]) {
  const byPlacement = new Map<string, { requests: { requestedOn: string }[]; heldOn: string[] }>();
  if (!placementIds.length) return byPlacement;
  const rows = await db
    .select({
      placementId: directionReviews.placementId,
      kind: directionReviews.kind,
      on: directionReviews.on,
    })
    .from(directionReviews)
    .where(inArray(directionReviews.placementId, [...placementIds]));
  for (const r of rows) {
    const dates = byPlacement.get(r.placementId) ?? { requests: [], heldOn: [] };
    if (r.kind === 'requested') dates.requests.push({ requestedOn: r.on });
    else dates.heldOn.push(r.on);
    byPlacement.set(r.placementId, dates);
  }
  return byPlacement;
}

export async function recordDirectionReview({
  db,
  actor,
  ipAddress,
  today,
  placementId,
  input,
}: Command & { placementId: string; input: DirectionReviewInput }) {
  if (input.on > today) throw fieldError('placements.future_date', 'on', 'This date is in the future');
  await db.transaction(async (tx) => {
    const { placement } = await findPlacementInReach(tx, actor, placementId, 'placements.manage');
    if (placement.type !== 'off_site_direction' || !placement.startsOn || placement.status === 'referral')
      throw placementsErrors.notADirection();
    if (input.on < placement.startsOn)
      throw fieldError(
        'placements.before_direction',
        'on',
        `The direction started on ${dateInWords(placement.startsOn)}: this date is before it`,
      );
    await tx.insert(directionReviews).values({
      placementId,
      kind: input.kind,
      on: input.on,
      requestedBy: input.kind === 'requested' ? input.requestedBy : null,
      outcome: input.kind === 'held' ? input.outcome : null,
      note: input.note,
      recordedBy: actor.userId,
      recordedByName: actor.displayName,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      input.kind === 'requested'
        ? {
            action: 'placements.direction_review_requested',
            recordType: 'placement',
            recordId: placementId,
            schoolId: placement.schoolId,
            summary: `A review of the off-site direction was asked for on ${dateInWords(input.on)} (${input.requestedBy})`,
          }
        : {
            action: 'placements.direction_review_held',
            recordType: 'placement',
            recordId: placementId,
            schoolId: placement.schoolId,
            summary: `The governing board reviewed the off-site direction on ${dateInWords(input.on)}: ${input.outcome}`,
          },
    );
  });
  return getPlacement({ db, actor, ipAddress, today, placementId });
}
