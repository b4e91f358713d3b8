/**
 * Changing a started placement's timetable, cost or attendance target from a day (placement-terms.ts
 * in the domain): the terms replaced are kept with that day, so the registers, spend, rates and census
 * of the days before it stay as they ran. Logged on the placement's timeline with who and why.
 */
import {
  changesProvision,
  dateInWords,
  hoursPerWeek,
  type PlacementTerms,
  pounds,
  termsDiffer,
} from '@waymark/domain';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';

import type { FoundPlacement } from './placement-view.ts';
import { placementTermChanges } from './placements.table.ts';

const termsOf = (p: PlacementTerms): PlacementTerms => ({
  sessions: p.sessions,
  costPence: p.costPence,
  costPer: p.costPer,
  attendanceTargetPercent: p.attendanceTargetPercent,
});

const describe = (t: PlacementTerms) => {
  const days = new Set(t.sessions.map((s) => s.day)).size;
  const cost = t.costPence !== null && t.costPer ? `, ${pounds(t.costPence)} a ${t.costPer}` : '';
  return `${days} ${days === 1 ? 'day' : 'days'}, ${hoursPerWeek(t.sessions)} hours a week${cost}, target ${t.attendanceTargetPercent}%`;
};

/**
 * After a plan is saved: when a placement that has run for a day or more runs on new terms, record
 * from which day. Before its first day is over it has no past to keep, so its plan changes freely.
 */
export async function recordTermsChange(
  tx: Database,
  {
    actor,
    ipAddress,
    today,
    found,
    after,
    change,
  }: {
    actor: Actor;
    ipAddress: string | null;
    today: string;
    found: FoundPlacement;
    after: PlacementTerms;
    change: { from: string; reason: string } | null;
  },
) {
  const { placement: p, pupil } = found;
  const before = termsOf(p);
  const started = p.status === 'active' && p.startsOn !== null && p.startsOn < today;
  if (!started || !termsDiffer(before, termsOf(after))) return;
  if (!change)
    throw fieldError(
      'placements.change_date_needed',
      'timetableChange.from',
      'Say from which day the new timetable, cost or target applies, and why',
    );
  if (change.from < today)
    throw fieldError(
      'placements.change_in_past',
      'timetableChange.from',
      'A change applies from today or a later day: the days already past keep the timetable they ran on',
    );
  if (p.plannedEndOn && change.from > p.plannedEndOn)
    throw fieldError(
      'placements.change_after_end',
      'timetableChange.from',
      `The placement is planned to end on ${dateInWords(p.plannedEndOn)}, before this change would apply`,
    );
  const [last] = await tx
    .select({ id: placementTermChanges.id, effectiveFrom: placementTermChanges.effectiveFrom })
    .from(placementTermChanges)
    .where(eq(placementTermChanges.placementId, p.id))
    .orderBy(desc(placementTermChanges.effectiveFrom))
    .limit(1);
  if (last && change.from < last.effectiveFrom)
    throw fieldError(
      'placements.change_before_last',
      'timetableChange.from',
      `A change from ${dateInWords(last.effectiveFrom)} is already recorded: this one applies from that day or later`,
    );
  // Policy §12: a change to the days or hours of an EHCP pupil's provision needs an EHCP review.
  const ehcpReviewRequired = pupil.senStatus === 'ehcp' && changesProvision(before, after);
  if (last && change.from === last.effectiveFrom) {
    // A second change for the same day amends it: the terms before that day are already kept.
    await tx
      .update(placementTermChanges)
      .set({
        reason: change.reason,
        changedBy: actor.userId!,
        changedByName: actor.displayName,
        changedAt: new Date(),
        ...(ehcpReviewRequired ? { ehcpReviewRequired: true } : {}),
      })
      .where(eq(placementTermChanges.id, last.id));
  } else {
    await tx.insert(placementTermChanges).values({
      placementId: p.id,
      effectiveFrom: change.from,
      previousSessions: [...before.sessions],
      previousCostPence: before.costPence,
      previousCostPer: before.costPer,
      previousAttendanceTargetPercent: before.attendanceTargetPercent,
      reason: change.reason,
      changedBy: actor.userId!,
      changedByName: actor.displayName,
      ehcpReviewRequired,
    });
  }
  await recordAudit(
    tx,
    { actor, ipAddress },
    {
      action: 'placements.terms_changed',
      recordType: 'placement',
      recordId: p.id,
      schoolId: p.schoolId,
      summary: `Changed the timetable from ${dateInWords(change.from)}: ${describe(before)} became ${describe(after)}. Why: ${change.reason}${ehcpReviewRequired ? '. EHCP review required: the AP lead arranges it with the local authority' : ''}`,
    },
  );
}
