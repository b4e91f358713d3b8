/** What every collector of obligations shares: its shape, and the school of each record it reports. */
import type { Obligation } from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { schoolsOfGroup } from '../organisation/organisation.repository.ts';
import { placementsWithPupils } from '../placements/placements.repository.ts';

/** Obligations of one capability for a person, within their reach. */
export type Collector = (db: Database, actor: Actor, today: string) => Promise<Obligation[]>;

export const schoolNames = async (db: Database, actor: Actor) =>
  new Map((await schoolsOfGroup(db, actor.groupId)).map((s) => [s.id, s.name]));

/** The school of each placement, for collectors whose rows name only the placement. */
export async function placementSchools(db: Database, placementIds: string[]) {
  const rows = await placementsWithPupils(db, { ids: placementIds });
  const byPlacement = new Map(
    rows.map((r) => [r.placement.id, { schoolId: r.placement.schoolId, schoolName: r.schoolName }]),
  );
  return (placementId: string) => byPlacement.get(placementId) ?? { schoolId: null, schoolName: null };
}
