/** What every collector of obligations shares: its shape, and the school of each record it reports. */
import type { Obligation } from '@waymark/domain';
import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { schoolNameOf, schoolsOfGroup } from '../organisation/organisation.repository.ts';
import { placements } from '../placements/placements.table.ts';

/** Obligations of one capability for a person, within their reach. */
export type Collector = (db: Database, actor: Actor, today: string) => Promise<Obligation[]>;

export const schoolNames = async (db: Database, actor: Actor) =>
  new Map((await schoolsOfGroup(db, actor.groupId)).map((s) => [s.id, s.name]));

/** The school of each placement, for collectors whose rows name only the placement. */
export async function placementSchools(db: Database, placementIds: string[]) {
  const rows = placementIds.length
    ? await db
        .select({
          id: placements.id,
          schoolId: placements.schoolId,
          schoolName: schoolNameOf(placements.schoolId),
        })
        .from(placements)
        .where(inArray(placements.id, placementIds))
    : [];
  const byPlacement = new Map(rows.map((r) => [r.id, { schoolId: r.schoolId, schoolName: r.schoolName }]));
  return (placementId: string) => byPlacement.get(placementId) ?? { schoolId: null, schoolName: null };
}
