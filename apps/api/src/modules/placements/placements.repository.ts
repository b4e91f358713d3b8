/**
 * The placements feature's front door: the named reads other features use instead of its tables.
 * Each returns the standard row — the placement, its pupil, the pupil's display name, and the names of
 * its school and provider — so a board, a register or a report never writes that join again.
 *
 * The one table of another feature read here is the pupils': a placement row is not whole without
 * its pupil, and filtering and ordering by both needs one SQL join (docs/architecture.md). This file is
 * the only one of the feature allowed to make that join.
 */
import { type PlacementStatus, pupilDisplayName } from '@waymark/domain';
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor, Reach } from '../../lib/actor.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { pupils } from '../pupils/pupils.table.ts';
import {
  directionReviews,
  placementCommunications,
  placementDestinations,
  placementReviews,
  placementShares,
  placements,
  placementTermChanges,
} from './placements.table.ts';

export type PlacementRecord = typeof placements.$inferSelect;
export type PlacementCommunication = typeof placementCommunications.$inferSelect;

/** Which placements a read returns. Every field narrows; a read with none is refused. */
export interface PlacementSelection {
  groupId?: string;
  ids?: readonly string[];
  schoolIds?: readonly string[];
  providerIds?: readonly string[];
  statuses?: readonly PlacementStatus[];
  /** Running on this day: active, started on or before it, not planned to have ended before it. */
  runningOn?: string;
  /** Placed on this day: started on or before it and not ended before it (active or ended since). */
  placedOn?: string;
  /** Begun on or before `to` and not ended (nor planned to end) before `from`. */
  overlapping?: { from: string; to: string };
  /** The schools a person's reach covers. */
  inReach?: { actor: Actor; reach: Reach };
  /** Still running after the pupil left the roll, or recorded as ending after the pupil left. */
  outlivedTheirPupilsRoll?: true;
  /** A further condition on the placements' own columns (the pupils' are reached by the fields above). */
  where?: SQL;
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
    s.placedOn
      ? and(
          inArray(placements.status, ['active', 'ended']),
          lte(placements.startsOn, s.placedOn),
          or(isNull(placements.endedOn), gte(placements.endedOn, s.placedOn)),
        )
      : undefined,
    s.overlapping
      ? and(
          lte(placements.startsOn, s.overlapping.to),
          sql`coalesce(${placements.endedOn}, ${placements.plannedEndOn}, '9999-12-31') >= ${s.overlapping.from}`,
        )
      : undefined,
    s.inReach ? schoolColumnInReach(db, s.inReach.actor, s.inReach.reach, placements.schoolId) : undefined,
    s.outlivedTheirPupilsRoll
      ? and(
          isNotNull(pupils.leftOn),
          or(
            eq(placements.status, 'active'),
            and(eq(placements.status, 'ended'), gt(placements.endedOn, pupils.leftOn)),
          ),
        )
      : undefined,
    s.where,
  ].filter((c): c is SQL => c !== undefined);
  // An empty id list means "none of them", never "all": inArray of nothing is false in drizzle.
  if (!parts.length) throw new Error('A placements read needs at least one condition');
  return and(...parts)!;
}

/** An empty list of ids, schools or providers selects no placement (rather than every one). */
const selectsNothing = (s: PlacementSelection) =>
  [s.ids, s.schoolIds, s.providerIds].some((list) => list && !list.length);

/** The order people read placements in: by pupil surname, first name, then start date. */
const byPupilName = [
  asc(pupils.legalLastName),
  asc(pupils.legalFirstName),
  asc(placements.startsOn),
  asc(placements.id),
];

/**
 * The standard rows of the selected placements, by pupil surname, first name, then start date. A
 * `limit` caps a list a person pages through.
 */
export async function placementsWithPupils(db: Database, selection: PlacementSelection, limit?: number) {
  if (selectsNothing(selection)) return [];
  const query = db
    .select({
      placement: placements,
      pupil: pupils,
      schoolName: schoolNameOf(placements.schoolId),
      providerName: providerNameOf(placements.providerId),
    })
    .from(placements)
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .where(conditions(db, selection))
    .orderBy(...byPupilName)
    .$dynamic();
  const rows = await (limit ? query.limit(limit) : query);
  return rows.map((row) => ({ ...row, pupilName: pupilDisplayName(row.pupil) }));
}

export type PlacementWithPupil = Awaited<ReturnType<typeof placementsWithPupils>>[number];

const termColumns = {
  id: placements.id,
  groupId: placements.groupId,
  schoolId: placements.schoolId,
  providerId: placements.providerId,
  pupilId: placements.pupilId,
  status: placements.status,
  type: placements.type,
  startsOn: placements.startsOn,
  endedOn: placements.endedOn,
  plannedEndOn: placements.plannedEndOn,
  sessions: placements.sessions,
  costPence: placements.costPence,
  costPer: placements.costPer,
  attendanceTargetPercent: placements.attendanceTargetPercent,
};

/**
 * What a register needs of each selected placement: its terms and dates, and who the pupil is (id, UPN
 * and names), in the same order as `placementsWithPupils`. A register runs at every provider every
 * session, so it reads these 21 columns rather than the 60 of the full rows.
 */
export async function placementsOnRegister(db: Database, selection: PlacementSelection) {
  if (selectsNothing(selection)) return [];
  return db
    .select({
      placement: termColumns,
      pupil: {
        id: pupils.id,
        upn: pupils.upn,
        legalFirstName: pupils.legalFirstName,
        legalLastName: pupils.legalLastName,
        preferredName: pupils.preferredName,
      },
      schoolName: schoolNameOf(placements.schoolId),
      providerName: providerNameOf(placements.providerId),
    })
    .from(placements)
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .where(conditions(db, selection))
    .orderBy(...byPupilName);
}

/** The placements themselves, without their pupils: for rules that read terms, dates or status. */
export function placementRecords(db: Database, selection: PlacementSelection): Promise<PlacementRecord[]> {
  if (selectsNothing(selection)) return Promise.resolve([]);
  return db.select().from(placements).where(conditions(db, selection));
}

/**
 * Only what dates, sessions and spend need (a year of a trust's placements is thousands of rows; their
 * plans stay in the database).
 */
export function placementTermRecords(db: Database, selection: PlacementSelection) {
  if (selectsNothing(selection)) return Promise.resolve([]);
  return db.select(termColumns).from(placements).where(conditions(db, selection));
}

/** Which of these providers have a pupil placed with them now. */
export async function providersWithActivePlacements(db: Database, providerIds: readonly string[]) {
  if (!providerIds.length) return new Set<string>();
  const rows = await db
    .selectDistinct({ providerId: placements.providerId })
    .from(placements)
    .where(and(inArray(placements.providerId, [...providerIds]), eq(placements.status, 'active')));
  return new Set(rows.map((r) => r.providerId));
}

/**
 * The pupil's display name for each of these placements that is running: only the names, for a board
 * that lists thousands of a trust's placements and needs nothing else of them.
 */
export async function pupilNamesOfActivePlacements(db: Database, placementIds: readonly string[]) {
  if (!placementIds.length) return new Map<string, string>();
  const rows = await db
    .select({
      placementId: placements.id,
      legalFirstName: pupils.legalFirstName,
      legalLastName: pupils.legalLastName,
      preferredName: pupils.preferredName,
    })
    .from(placements)
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .where(and(inArray(placements.id, [...new Set(placementIds)]), eq(placements.status, 'active')));
  return new Map(rows.map((r) => [r.placementId, pupilDisplayName(r)]));
}

/**
 * How many placements of the trust are running and when the last of them changed: a cheap
 * fingerprint that tells a job whether anything it derives from them can have changed.
 */
export async function activePlacementsFingerprint(db: Database, groupId: string) {
  const [state] = await db
    .select({
      count: sql<number>`count(*)::int`,
      latest: sql<string | null>`max(${placements.updatedAt})::text`,
    })
    .from(placements)
    .where(and(eq(placements.groupId, groupId), eq(placements.status, 'active')));
  return { count: state?.count ?? 0, latest: state?.latest ?? null };
}

/** Every placement review at the schools a reach covers, with its placement's standard row, by due date. */
export async function reviewsInReach(db: Database, actor: Actor, reach: Reach) {
  const rows = await db
    .select({
      review: placementReviews,
      placement: placements,
      pupil: pupils,
      schoolName: schoolNameOf(placements.schoolId),
      providerName: providerNameOf(placements.providerId),
    })
    .from(placementReviews)
    .innerJoin(placements, eq(placements.id, placementReviews.placementId))
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .where(
      and(eq(placements.groupId, actor.groupId), schoolColumnInReach(db, actor, reach, placements.schoolId)),
    )
    .orderBy(asc(placementReviews.dueOn));
  return rows.map((row) => ({ ...row, pupilName: pupilDisplayName(row.pupil) }));
}

/** The notes of contact about placements with a provider, at the schools a reach covers, with the pupil. */
export async function communicationsAboutProvider(
  db: Database,
  actor: Actor,
  reach: Reach,
  providerId: string,
) {
  const rows = await db
    .select({ communication: placementCommunications, pupil: pupils })
    .from(placementCommunications)
    .innerJoin(placements, eq(placements.id, placementCommunications.placementId))
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .where(
      and(eq(placements.providerId, providerId), schoolColumnInReach(db, actor, reach, placements.schoolId)),
    );
  return rows.map((row) => ({ ...row, pupilName: pupilDisplayName(row.pupil) }));
}

/**
 * What the registration test counts of each running placement with these providers: its days and the
 * pupil's age, care and SEN status (nothing else of the pupil).
 */
export function registrationFactsOf(db: Database, providerIds: readonly string[]) {
  if (!providerIds.length) return Promise.resolve([]);
  return db
    .select({
      placementId: placements.id,
      providerId: placements.providerId,
      pupilId: pupils.id,
      sessions: placements.sessions,
      dateOfBirth: pupils.dateOfBirth,
      lookedAfter: pupils.lookedAfter,
      senStatus: pupils.senStatus,
    })
    .from(placements)
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .where(and(inArray(placements.providerId, [...providerIds]), eq(placements.status, 'active')));
}

/**
 * Everything recorded about a pupil's placements, oldest placement first: for a subject access export.
 * The provider's name comes with each placement.
 */
export async function placementHistoryOfPupil(db: Database, pupilId: string) {
  const rows = await db
    .select({ placement: placements, providerName: providerNameOf(placements.providerId) })
    .from(placements)
    .where(eq(placements.pupilId, pupilId))
    .orderBy(asc(placements.createdAt));
  const ids = rows.map((r) => r.placement.id);
  if (!ids.length)
    return {
      placements: rows,
      reviews: [],
      destinations: [],
      shares: [],
      communications: [],
      directionReviews: [],
      termChanges: [],
    };
  const [reviews, destinations, shares, communications, directionReviewRows, termChanges] = await Promise.all(
    [
      db.select().from(placementReviews).where(inArray(placementReviews.placementId, ids)),
      db.select().from(placementDestinations).where(inArray(placementDestinations.placementId, ids)),
      db.select().from(placementShares).where(inArray(placementShares.placementId, ids)),
      db.select().from(placementCommunications).where(inArray(placementCommunications.placementId, ids)),
      db
        .select()
        .from(directionReviews)
        .where(inArray(directionReviews.placementId, ids))
        .orderBy(asc(directionReviews.on)),
      db
        .select()
        .from(placementTermChanges)
        .where(inArray(placementTermChanges.placementId, ids))
        .orderBy(asc(placementTermChanges.effectiveFrom)),
    ],
  );
  return {
    placements: rows,
    reviews,
    destinations,
    shares,
    communications,
    directionReviews: directionReviewRows,
    termChanges,
  };
}

/** The ids of every placement the pupil has had, whatever its status. */
export async function placementIdsOfPupil(db: Database, pupilId: string) {
  return (await db.select({ id: placements.id }).from(placements).where(eq(placements.pupilId, pupilId))).map(
    (p) => p.id,
  );
}

/**
 * Deletes the pupil's placements and what hangs on them here (reviews, destinations, shares, contacts,
 * changes of terms, direction reviews). Other features' records of them go first (attendance, voice).
 */
export async function erasePlacementsOfPupil(tx: Database, pupilId: string, placementIds: readonly string[]) {
  if (placementIds.length)
    for (const table of [
      placementReviews,
      placementDestinations,
      placementShares,
      placementCommunications,
      placementTermChanges,
      directionReviews,
    ])
      await tx.delete(table).where(inArray(table.placementId, [...placementIds]));
  await tx.delete(placements).where(eq(placements.pupilId, pupilId));
}
