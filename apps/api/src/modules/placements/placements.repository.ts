/**
 * The placements feature's front door: the named reads other features use instead of its tables.
 * Each returns the standard row — the placement, its pupil, the pupil's display name, and the names of
 * its school and provider — so a board, a register or a report never writes that join again.
 *
 * The one table of another feature read here is the pupils': a placement row is not whole without
 * its pupil, and filtering and ordering by both needs one SQL join (docs/architecture.md).
 */
import { type PlacementStatus, pupilDisplayName } from '@waymark/domain';
import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor, Reach } from '../../lib/actor.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { pupils } from '../pupils/pupils.table.ts';
import { placements } from './placements.table.ts';

export type PlacementRecord = typeof placements.$inferSelect;

/** Which placements a read returns. Every field narrows; a read with none is refused. */
export interface PlacementSelection {
  groupId?: string;
  ids?: readonly string[];
  schoolIds?: readonly string[];
  providerIds?: readonly string[];
  statuses?: readonly PlacementStatus[];
  /** Running on this day: active, started on or before it, not planned to have ended before it. */
  runningOn?: string;
  /** The schools a person's reach covers. */
  inReach?: { actor: Actor; reach: Reach };
}

function conditions(db: Database, s: PlacementSelection): SQL {
  const parts = [
    s.groupId ? eq(placements.groupId, s.groupId) : undefined,
    s.ids ? inArray(placements.id, [...s.ids]) : undefined,
    s.schoolIds ? inArray(placements.schoolId, [...s.schoolIds]) : undefined,
    s.providerIds ? inArray(placements.providerId, [...s.providerIds]) : undefined,
    s.statuses ? inArray(placements.status, [...s.statuses]) : undefined,
    s.runningOn
      ? and(
          eq(placements.status, 'active'),
          lte(placements.startsOn, s.runningOn),
          or(isNull(placements.plannedEndOn), gte(placements.plannedEndOn, s.runningOn)),
        )
      : undefined,
    s.inReach ? schoolColumnInReach(db, s.inReach.actor, s.inReach.reach, placements.schoolId) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  // An empty id list means "none of them", never "all": inArray of nothing is false in drizzle.
  if (!parts.length) throw new Error('A placements read needs at least one condition');
  return and(...parts)!;
}

/** The standard rows of the selected placements, by pupil surname then first name. */
export async function placementsWithPupils(db: Database, selection: PlacementSelection) {
  if ([selection.ids, selection.schoolIds, selection.providerIds].some((list) => list && !list.length))
    return [];
  const rows = await db
    .select({
      placement: placements,
      pupil: pupils,
      schoolName: schoolNameOf(placements.schoolId),
      providerName: providerNameOf(placements.providerId),
    })
    .from(placements)
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .where(conditions(db, selection))
    .orderBy(asc(pupils.legalLastName), asc(pupils.legalFirstName), asc(placements.id));
  return rows.map((row) => ({ ...row, pupilName: pupilDisplayName(row.pupil) }));
}

export type PlacementWithPupil = Awaited<ReturnType<typeof placementsWithPupils>>[number];

/** The placements themselves, without their pupils: for rules that read terms, dates or status. */
export function placementRecords(db: Database, selection: PlacementSelection): Promise<PlacementRecord[]> {
  if ([selection.ids, selection.schoolIds, selection.providerIds].some((list) => list && !list.length))
    return Promise.resolve([]);
  return db.select().from(placements).where(conditions(db, selection));
}
