/**
 * The placements module's answer to "what were this placement's terms on that day?" for the features
 * that count sessions, spend and rates over time (placement-terms.ts in the domain has the rule).
 */
import { type PlacementTerms, type TermsChange, termsOn } from '@waymark/domain';
import { and, asc, gt, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { placementTermChanges } from './placements.table.ts';

type WithTerms = PlacementTerms & { id: string };

/** Each placement's changes of terms in date order; only those taking effect after `after` if given. */
export async function termChangesOf(
  db: Database,
  placementIds: readonly string[],
  after?: string,
): Promise<Map<string, TermsChange[]>> {
  const byPlacement = new Map<string, TermsChange[]>();
  if (!placementIds.length) return byPlacement;
  const rows = await db
    .select({
      placementId: placementTermChanges.placementId,
      effectiveFrom: placementTermChanges.effectiveFrom,
      sessions: placementTermChanges.previousSessions,
      costPence: placementTermChanges.previousCostPence,
      costPer: placementTermChanges.previousCostPer,
      attendanceTargetPercent: placementTermChanges.previousAttendanceTargetPercent,
    })
    .from(placementTermChanges)
    .where(
      and(
        inArray(placementTermChanges.placementId, [...placementIds]),
        after ? gt(placementTermChanges.effectiveFrom, after) : undefined,
      ),
    )
    .orderBy(asc(placementTermChanges.effectiveFrom));
  for (const { placementId, effectiveFrom, ...previous } of rows) {
    const list = byPlacement.get(placementId) ?? [];
    list.push({ effectiveFrom, previous });
    byPlacement.set(placementId, list);
  }
  return byPlacement;
}

/** Each placement as it stood on `date`: its terms replaced by those in force that day. */
export async function withTermsOn<P extends WithTerms>(
  db: Database,
  list: readonly P[],
  date: string,
): Promise<P[]> {
  const changes = await termChangesOf(
    db,
    list.map((p) => p.id),
    date,
  );
  return list.map((p) => {
    const own = changes.get(p.id);
    return own ? { ...p, ...termsOn(p, own, date) } : p;
  });
}
