/**
 * The AP lead's task list of EHCP reviews to arrange (with the SENCo and the local authority): a
 * review that found a material change, or a timetable change to the days or hours, for a pupil with
 * an EHCP, until someone records that the EHCP review was arranged.
 */
import { dateInWords, pupilDisplayName, todayInLondon } from '@waymark/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { withPupils } from '../pupils/pupils.repository.ts';
import { findPlacementInReach } from './placement-view.ts';
import { placementsErrors } from './placements.errors.ts';
import { placementsWithPupils } from './placements.repository.ts';
import { placementReviews, placements, placementTermChanges } from './placements.table.ts';
import { type Command, getPlacement } from './placements.usecases.ts';

export type EhcpReviewSource = 'review' | 'timetable_change' | 'provider_move';

export async function ehcpReviewsToArrange({ db, actor }: { db: Database; actor: Actor }) {
  const inReach = and(
    eq(placements.groupId, actor.groupId),
    schoolColumnInReach(db, actor, reachOf(actor, 'placements.read'), placements.schoolId),
  );
  const [reviews, changes, moves] = await Promise.all([
    db
      .select({
        review: placementReviews,
        placementId: placements.id,
        pupilId: placements.pupilId,
        providerName: providerNameOf(placements.providerId),
      })
      .from(placementReviews)
      .innerJoin(placements, eq(placements.id, placementReviews.placementId))
      .where(
        and(
          inReach,
          eq(placementReviews.ehcpReviewRequired, true),
          isNull(placementReviews.ehcpReviewArrangedOn),
        ),
      )
      .orderBy(asc(placementReviews.completedOn)),
    db
      .select({
        change: placementTermChanges,
        placementId: placements.id,
        pupilId: placements.pupilId,
        providerName: providerNameOf(placements.providerId),
      })
      .from(placementTermChanges)
      .innerJoin(placements, eq(placements.id, placementTermChanges.placementId))
      .where(
        and(
          inReach,
          eq(placementTermChanges.ehcpReviewRequired, true),
          isNull(placementTermChanges.ehcpReviewArrangedOn),
        ),
      )
      .orderBy(asc(placementTermChanges.changedAt)),
    placementsWithPupils(db, {
      groupId: actor.groupId,
      inReach: { actor, reach: reachOf(actor, 'placements.read') },
      where: and(eq(placements.ehcpReviewOnMove, true), isNull(placements.ehcpReviewOnMoveArrangedOn))!,
    }),
  ]);
  const [reviewed, changed] = await Promise.all([
    withPupils(db, reviews, (r) => r.pupilId),
    withPupils(db, changes, (c) => c.pupilId),
  ]);
  const tasks = [
    ...reviewed.map((r) => ({
      placementId: r.placementId,
      source: 'review' as EhcpReviewSource,
      flagId: r.review.id,
      pupilName: pupilDisplayName(r.pupil),
      providerName: r.providerName,
      localAuthority: r.pupil.ehcpLocalAuthority,
      flaggedOn: r.review.completedOn,
      why: `the ${r.review.halfTerm} ${r.review.academicYear} review found a material change`,
    })),
    ...changed.map((c) => ({
      placementId: c.placementId,
      source: 'timetable_change' as EhcpReviewSource,
      flagId: c.change.id,
      pupilName: pupilDisplayName(c.pupil),
      providerName: c.providerName,
      localAuthority: c.pupil.ehcpLocalAuthority,
      flaggedOn: todayInLondon(c.change.changedAt),
      why: `the timetable changes from ${dateInWords(c.change.effectiveFrom)}`,
    })),
    ...moves.map((m) => ({
      placementId: m.placement.id,
      source: 'provider_move' as EhcpReviewSource,
      flagId: m.placement.id,
      pupilName: m.pupilName,
      providerName: m.providerName,
      localAuthority: m.pupil.ehcpLocalAuthority,
      flaggedOn: m.placement.endedOn,
      why: `the pupil moved to another provider after ${dateInWords(m.placement.endedOn!)}`,
    })),
  ];
  return tasks.sort((a, b) => (a.flaggedOn ?? '').localeCompare(b.flaggedOn ?? ''));
}

export async function recordEhcpReviewArranged({
  db,
  actor,
  ipAddress,
  today,
  placementId,
  source = 'review',
  flagId,
  input,
}: Command & {
  placementId: string;
  source?: EhcpReviewSource;
  flagId: string;
  input: { arrangedOn: string; note: string };
}) {
  if (input.arrangedOn > today)
    throw fieldError('placements.future_date', 'arrangedOn', 'This date is in the future');
  await db.transaction(async (tx) => {
    const found = await findPlacementInReach(tx, actor, placementId, 'placements.manage');
    const arranged = { ehcpReviewArrangedOn: input.arrangedOn, ehcpReviewNote: input.note };
    const updated =
      source === 'provider_move'
        ? await tx
            .update(placements)
            .set({ ehcpReviewOnMoveArrangedOn: input.arrangedOn, ehcpReviewOnMoveNote: input.note })
            .where(and(eq(placements.id, placementId), eq(placements.ehcpReviewOnMove, true)))
            .returning({ id: placements.id })
        : source === 'review'
          ? await tx
              .update(placementReviews)
              .set(arranged)
              .where(
                and(
                  eq(placementReviews.id, flagId),
                  eq(placementReviews.placementId, placementId),
                  eq(placementReviews.ehcpReviewRequired, true),
                ),
              )
              .returning({ id: placementReviews.id })
          : await tx
              .update(placementTermChanges)
              .set(arranged)
              .where(
                and(
                  eq(placementTermChanges.id, flagId),
                  eq(placementTermChanges.placementId, placementId),
                  eq(placementTermChanges.ehcpReviewRequired, true),
                ),
              )
              .returning({ id: placementTermChanges.id });
    if (updated.length === 0) throw placementsErrors.reviewNotFound();
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.ehcp_review_arranged',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `EHCP review for ${pupilDisplayName(found.pupil)} arranged on ${dateInWords(input.arrangedOn)}: ${input.note}`,
      },
    );
  });
  return getPlacement({ db, actor, ipAddress, today, placementId });
}
