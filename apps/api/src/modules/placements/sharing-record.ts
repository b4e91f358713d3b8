/**
 * What was shared with which provider, and when (UK GDPR accountability; policy §6.1): every item the
 * school recorded sharing about a pupil, across the schools in reach, newest first.
 */
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import type { Reading } from '../../lib/use-case.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { pupilNamesByIds } from '../pupils/pupils.repository.ts';
import { placementShares, placements } from './placements.table.ts';

export async function sharingRecord({
  db,
  actor,
  filters,
}: Reading & {
  filters: { providerId?: string | undefined; from?: string | undefined; to?: string | undefined };
}) {
  const rows = await db
    .select({
      share: placementShares,
      providerId: placements.providerId,
      providerName: providerNameOf(placements.providerId),
      schoolName: schoolNameOf(placements.schoolId),
      pupilId: placements.pupilId,
    })
    .from(placementShares)
    .innerJoin(placements, eq(placements.id, placementShares.placementId))
    .where(
      and(
        eq(placements.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, 'data_protection.manage'), placements.schoolId),
        filters.providerId ? eq(placements.providerId, filters.providerId) : undefined,
        filters.from ? gte(placementShares.sharedOn, filters.from) : undefined,
        filters.to ? lte(placementShares.sharedOn, filters.to) : undefined,
      ),
    )
    .orderBy(desc(placementShares.sharedOn), desc(placementShares.createdAt));
  const pupilNames = await pupilNamesByIds(
    db,
    rows.map((r) => r.pupilId),
  );
  return rows.map((r) => ({
    sharedOn: r.share.sharedOn,
    providerId: r.providerId,
    provider: r.providerName,
    school: r.schoolName,
    pupil: pupilNames.get(r.pupilId) ?? '',
    placementId: r.share.placementId,
    what: r.share.what,
    method: r.share.method,
    sharedBy: r.share.sharedByName,
  }));
}
