/** Starting, telling the local authority, reviewing, ending, and following the destination. */
import {
  dateInWords,
  destinationOutcome,
  destinationOutcomeLabels,
  type LeavingInput,
  leavingReasonLabels,
  maybeDateInWords,
  monthOutsideDestinationYear,
  pupilDisplayName,
  scheduleReviews,
} from '@waymark/domain';
import type {
  correctEndSchema,
  destinationSchema,
  endSchema,
  laInformedSchema,
  ReviewInput,
} from '@waymark/domain/contracts/placements';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { createCalendarRepository } from '../calendar/calendar.repository.ts';
import { withdrawVoiceRequests } from '../voice/open-requests.ts';
import { blockersOf, type FoundPlacement } from './placement-view.ts';
import { placementsErrors } from './placements.errors.ts';
import { placementDestinations, placementReviews, placements } from './placements.table.ts';
import { type Command, changePlacement } from './placements.usecases.ts';

type WithPlacement = Command & { placementId: string };

export async function startPlacement(command: WithPlacement) {
  const { actor, ipAddress, today, placementId } = command;
  return changePlacement(command, async (tx, found) => {
    const p = found.placement;
    if (p.status !== 'referral') throw placementsErrors.wrongStatus('started', p.status);
    if (found.pupil.leftOn) throw placementsErrors.pupilLeft(found.pupil.leftOn);
    const { blockers, calendar } = await blockersOf(tx, found, today);
    if (blockers.length) throw placementsErrors.cannotStart(blockers);
    const halfTerms = await createCalendarRepository({ db: tx }).halfTermsOf(p.schoolId);
    const reviews = scheduleReviews({ halfTerms, calendar, startsOn: p.startsOn!, endsOn: p.plannedEndOn! });
    if (reviews.length === 0) throw placementsErrors.noTermDates();
    await tx
      .update(placements)
      .set({ status: 'active', updatedAt: new Date() })
      .where(eq(placements.id, placementId));
    await tx.insert(placementReviews).values(reviews.map((r) => ({ placementId, ...r })));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.started',
        recordType: 'placement',
        recordId: placementId,
        schoolId: p.schoolId,
        summary: `Started the placement of ${pupilDisplayName(found.pupil)} at ${found.provider.name} from ${maybeDateInWords(p.startsOn)}; ${reviews.length} half-termly reviews scheduled`,
      },
    );
  });
}

export async function recordLaInformed(command: WithPlacement & { input: z.infer<typeof laInformedSchema> }) {
  const { actor, ipAddress, today, placementId, input } = command;
  if (input.on > today) throw fieldError('placements.future_date', 'on', 'This date is in the future');
  return changePlacement(command, async (tx, found) => {
    await tx
      .update(placements)
      .set({ laInformedOn: input.on, laInformedHow: input.how, updatedAt: new Date() })
      .where(eq(placements.id, placementId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.la_informed',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `Recorded that the local authority was told on ${dateInWords(input.on)} (${input.how})`,
      },
    );
  });
}

export async function completeReview(command: WithPlacement & { reviewId: string; input: ReviewInput }) {
  const { actor, ipAddress, placementId, reviewId, input } = command;
  return changePlacement(command, async (tx, found) => {
    if (found.placement.status !== 'active')
      throw placementsErrors.wrongStatus('reviewed', found.placement.status);
    const [review] = await tx
      .select()
      .from(placementReviews)
      .where(and(eq(placementReviews.id, reviewId), eq(placementReviews.placementId, placementId)));
    if (!review) throw placementsErrors.reviewNotFound();
    const ehcpReviewRequired = input.materialChange && found.pupil.senStatus === 'ehcp';
    await tx
      .update(placementReviews)
      .set({ ...input, completedBy: actor.userId, ehcpReviewRequired })
      .where(eq(placementReviews.id, reviewId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.reviewed',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `Completed the ${review.halfTerm} review: attendance ${input.attendancePercent}%, decision ${input.decision.replace('_', ' ')}${ehcpReviewRequired ? '; EHCP review required: the AP lead arranges it with the local authority' : ''}`,
      },
    );
  });
}

/** A placement's last day: not before it started, not after today, not after its pupil left the roll. */
function checkLastDay({ placement, pupil }: FoundPlacement, endedOn: string, today: string) {
  if (placement.startsOn && endedOn < placement.startsOn) throw placementsErrors.endBeforeStart();
  if (endedOn > today) throw placementsErrors.endInFuture();
  if (pupil.leftOn && endedOn > pupil.leftOn) throw placementsErrors.endAfterLeaving(pupil.leftOn);
}

export async function endPlacement(command: WithPlacement & { input: z.infer<typeof endSchema> }) {
  const { actor, ipAddress, today, placementId, input } = command;
  return changePlacement(command, async (tx, found) => {
    const p = found.placement;
    if (p.status !== 'active') throw placementsErrors.wrongStatus('ended', p.status);
    checkLastDay(found, input.endedOn, today);
    const movesEhcpProvision = input.outcome === 'moved_provider' && found.pupil.senStatus === 'ehcp';
    await tx
      .update(placements)
      .set({
        status: 'ended',
        endedOn: input.endedOn,
        endReason: input.reason,
        outcome: input.outcome,
        // A move to another provider changes an EHCP pupil's provision: the EHCP is reviewed (§12).
        ehcpReviewOnMove: movesEhcpProvision,
        updatedAt: new Date(),
      })
      .where(eq(placements.id, placementId));
    await endDutiesOf(tx, placementId, input.endedOn);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.ended',
        recordType: 'placement',
        recordId: placementId,
        schoolId: p.schoolId,
        summary: `Ended the placement on ${dateInWords(input.endedOn)}: ${input.outcome.replaceAll('_', ' ')} (${input.reason})${movesEhcpProvision ? '. EHCP review required: the AP lead arranges it with the local authority' : ''}`,
      },
    );
  });
}

/**
 * A placement that ended (or was cancelled) owes nothing after its last day: reviews due later are
 * withdrawn, and voice links not yet answered stop working. Held reviews and answers stay as history.
 */
async function endDutiesOf(tx: Database, placementId: string, lastDay: string | null) {
  await tx
    .delete(placementReviews)
    .where(
      and(
        eq(placementReviews.placementId, placementId),
        isNull(placementReviews.completedOn),
        lastDay ? gt(placementReviews.dueOn, lastDay) : undefined,
      ),
    );
  await withdrawVoiceRequests(tx, placementId);
}

export async function recordDestination(
  command: WithPlacement & { input: z.infer<typeof destinationSchema> },
) {
  const { actor, ipAddress, today, placementId, input } = command;
  return changePlacement(command, async (tx, found) => {
    if (found.placement.status !== 'ended')
      throw placementsErrors.wrongStatus('given a destination', found.placement.status);
    const future = Object.keys(input.months).find((month) => month > today.slice(0, 7));
    if (future) throw placementsErrors.futureMonth(future);
    const outside = monthOutsideDestinationYear(input.months, input.destinationYearStarts);
    if (outside) throw placementsErrors.monthOutsideYear(outside, input.destinationYearStarts);
    const outcome = destinationOutcome(input.months, input.destinationYearStarts);
    const values = { ...input, outcome, updatedAt: new Date() };
    await tx
      .insert(placementDestinations)
      .values({ placementId, ...values })
      .onConflictDoUpdate({ target: placementDestinations.placementId, set: values });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.destination_recorded',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `Recorded the destination for ${input.destinationYearStarts}/${String((input.destinationYearStarts + 1) % 100).padStart(2, '0')}: ${outcome ? destinationOutcomeLabels[outcome] : 'not known yet'}`,
      },
    );
  });
}

/**
 * Correct an ended placement's last day (a placement recorded as running after its pupil left the
 * roll, census rule 2372, or a date entered wrongly): logged with the old day, the new and why.
 */
export async function correctEndDate(command: WithPlacement & { input: z.infer<typeof correctEndSchema> }) {
  const { actor, ipAddress, today, placementId, input } = command;
  return changePlacement(command, async (tx, found) => {
    const p = found.placement;
    if (p.status !== 'ended') throw placementsErrors.wrongStatus('given a corrected end date', p.status);
    checkLastDay(found, input.endedOn, today);
    await tx
      .update(placements)
      .set({ endedOn: input.endedOn, version: p.version + 1, updatedAt: new Date() })
      .where(eq(placements.id, placementId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.end_corrected',
        recordType: 'placement',
        recordId: placementId,
        schoolId: p.schoolId,
        summary: `Corrected the last day from ${maybeDateInWords(p.endedOn)} to ${dateInWords(input.endedOn)}: ${input.why}`,
      },
    );
  });
}

/**
 * The pupil left the roll: each running placement that had started by then ends that day, and each
 * referral, or placement not yet begun, is cancelled. Returns how many of each.
 */
export async function endPlacementsOnLeaving(
  tx: Database,
  context: { actor: Actor; ipAddress: string | null },
  pupil: { id: string; legalFirstName: string; legalLastName: string },
  leaving: Pick<LeavingInput, 'leftOn' | 'reason'>,
) {
  const open = await tx
    .select()
    .from(placements)
    .where(and(eq(placements.pupilId, pupil.id), inArray(placements.status, ['referral', 'active'])));
  const why = `Left the school roll on ${dateInWords(leaving.leftOn)}: ${leavingReasonLabels[leaving.reason]}`;
  let ended = 0;
  let cancelled = 0;
  for (const p of open) {
    const ends = p.status === 'active' && p.startsOn !== null && p.startsOn <= leaving.leftOn;
    if (ends) ended += 1;
    else cancelled += 1;
    await tx
      .update(placements)
      .set(
        ends
          ? {
              status: 'ended',
              endedOn: leaving.leftOn,
              endReason: why,
              outcome: leaving.reason === 'post_16' ? 'post_16' : 'other',
              version: p.version + 1,
              updatedAt: new Date(),
            }
          : { status: 'cancelled', endReason: why, version: p.version + 1, updatedAt: new Date() },
      )
      .where(eq(placements.id, p.id));
    await endDutiesOf(tx, p.id, ends ? leaving.leftOn : null);
    await recordAudit(tx, context, {
      action: ends ? 'placements.ended' : 'placements.cancelled',
      recordType: 'placement',
      recordId: p.id,
      schoolId: p.schoolId,
      summary: ends ? `Ended the placement on ${dateInWords(leaving.leftOn)}. ${why}` : `Cancelled. ${why}`,
    });
  }
  return { ended, cancelled };
}
