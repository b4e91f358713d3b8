/** What every collector of obligations shares: its shape, and the school of each record it reports. */
import type { Obligation } from '@waymark/domain';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { schools } from '../organisation/organisation.table.ts';
import { placements } from '../placements/placements.table.ts';

/** Obligations of one capability for a person, within their reach. */
export type Collector = (db: Database, actor: Actor, today: string) => Promise<Obligation[]>;

export const schoolNames = async (db: Database, actor: Actor) =>
  new Map(
    (
      await db
        .select({ id: schools.id, name: schools.name })
        .from(schools)
        .where(eq(schools.groupId, actor.groupId))
    ).map((s) => [s.id, s.name]),
  );

/** The school of each placement, for collectors whose rows name only the placement. */
export async function placementSchools(db: Database, placementIds: string[]) {
  const rows = placementIds.length
    ? await db
        .select({ id: placements.id, schoolId: schools.id, schoolName: schools.name })
        .from(placements)
        .innerJoin(schools, eq(schools.id, placements.schoolId))
        .where(inArray(placements.id, placementIds))
    : [];
  const byPlacement = new Map(rows.map((r) => [r.id, { schoolId: r.schoolId, schoolName: r.schoolName }]));
  return (placementId: string) => byPlacement.get(placementId) ?? { schoolId: null, schoolName: null };
}
