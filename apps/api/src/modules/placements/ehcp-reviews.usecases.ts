/**
 * The SENCo's task list: reviews that changed provision materially for a pupil with an EHCP, until
 * someone records that the EHCP review was arranged with the local authority.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { schoolColumnInReach } from '../../lib/scope.ts';
import { providers } from '../providers/providers.table.ts';
import { pupils } from '../pupils/pupils.table.ts';
import { findPlacementInReach } from './placement-view.ts';
import { placementsErrors } from './placements.errors.ts';
import { placementReviews, placements } from './placements.table.ts';
import { type Command, getPlacement, nameOf } from './placements.usecases.ts';

export async function ehcpReviewsToArrange({ db, actor }: { db: Database; actor: Actor }) {
  const rows = await db
    .select({
      review: placementReviews,
      placementId: placements.id,
      pupil: pupils,
      providerName: providers.name,
    })
    .from(placementReviews)
    .innerJoin(placements, eq(placements.id, placementReviews.placementId))
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .innerJoin(providers, eq(providers.id, placements.providerId))
    .where(
      and(
        eq(placements.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, 'placements.read'), placements.schoolId),
        eq(placementReviews.ehcpReviewRequired, true),
        isNull(placementReviews.ehcpReviewArrangedOn),
      ),
    )
    .orderBy(asc(placementReviews.completedOn));
  return rows.map((r) => ({
    placementId: r.placementId,
    reviewId: r.review.id,
    pupilName: nameOf(r.pupil),
    providerName: r.providerName,
    localAuthority: r.pupil.ehcpLocalAuthority,
    flaggedOn: r.review.completedOn,
    halfTerm: `${r.review.halfTerm} ${r.review.academicYear}`,
  }));
}

export async function recordEhcpReviewArranged({
  db,
  actor,
  ipAddress,
  today,
  placementId,
  reviewId,
  input,
}: Command & { placementId: string; reviewId: string; input: { arrangedOn: string; note: string } }) {
  await db.transaction(async (tx) => {
    const found = await findPlacementInReach(tx, actor, placementId, 'placements.manage');
    const updated = await tx
      .update(placementReviews)
      .set({ ehcpReviewArrangedOn: input.arrangedOn, ehcpReviewNote: input.note })
      .where(
        and(
          eq(placementReviews.id, reviewId),
          eq(placementReviews.placementId, placementId),
          eq(placementReviews.ehcpReviewRequired, true),
        ),
      )
      .returning({ id: placementReviews.id });
    if (updated.length === 0) throw placementsErrors.reviewNotFound();
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.ehcp_review_arranged',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `EHCP review for ${nameOf(found.pupil)} arranged on ${input.arrangedOn}: ${input.note}`,
      },
    );
  });
  return getPlacement({ db, actor, ipAddress, today, placementId });
}
