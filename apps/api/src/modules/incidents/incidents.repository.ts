/**
 * The incidents feature's front door: a pupil's concerns and incidents for a subject access export,
 * and their erasure when the pupil's record is deleted.
 */
import { safeguardingKinds } from '@waymark/domain';
import { and, asc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { incidentActions, incidentAttachments, incidentReferrals, incidents } from './incidents.table.ts';

/** Every concern or incident about the pupil, oldest first. */
export function incidentsOfPupil(db: Database, pupilId: string) {
  return db.select().from(incidents).where(eq(incidents.pupilId, pupilId)).orderBy(asc(incidents.occurredAt));
}

/** The actions and referrals of these incidents. */
export async function incidentFollowUps(db: Database, incidentIds: readonly string[]) {
  if (!incidentIds.length) return { actions: [], referrals: [] };
  const ids = [...incidentIds];
  const [actions, referrals] = await Promise.all([
    db.select().from(incidentActions).where(inArray(incidentActions.incidentId, ids)),
    db.select().from(incidentReferrals).where(inArray(incidentReferrals.incidentId, ids)),
  ]);
  return { actions, referrals };
}

/**
 * Deletes the pupil's incidents with their actions, referrals and attachment records, and returns the
 * attached files' ids for the caller to delete once nothing points at them.
 */
export async function eraseIncidentsOfPupil(tx: Database, pupilId: string) {
  const ids = (
    await tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.pupilId, pupilId))
  ).map((i) => i.id);
  const fileIds = ids.length
    ? (
        await tx
          .select({ id: incidentAttachments.fileId })
          .from(incidentAttachments)
          .where(inArray(incidentAttachments.incidentId, ids))
      ).map((f) => f.id)
    : [];
  // Children before parents, so that no reference is left pointing at a deleted row.
  if (ids.length)
    for (const table of [incidentActions, incidentReferrals, incidentAttachments])
      await tx.delete(table).where(inArray(table.incidentId, ids));
  await tx.delete(incidents).where(eq(incidents.pupilId, pupilId));
  return { fileIds };
}

/** When each concern or incident at these schools happened within a period, and when the school was told. */
export function incidentTimesAtSchools(
  db: Database,
  schoolIds: readonly string[],
  period: { from: string; to: string },
) {
  if (!schoolIds.length) return Promise.resolve([]);
  return db
    .select({ kind: incidents.kind, occurredAt: incidents.occurredAt, schoolToldAt: incidents.schoolToldAt })
    .from(incidents)
    .where(
      and(
        inArray(incidents.schoolId, [...schoolIds]),
        gte(incidents.occurredAt, new Date(`${period.from}T00:00:00Z`)),
        lte(incidents.occurredAt, new Date(`${period.to}T23:59:59Z`)),
      ),
    );
}

/** How many safeguarding concerns are still open about each of these placements. */
export function openSafeguardingCounts(db: Database, placementIds: readonly string[]) {
  if (!placementIds.length) return Promise.resolve([] as { placementId: string | null; count: number }[]);
  return db
    .select({ placementId: incidents.placementId, count: sql<number>`count(*)::int` })
    .from(incidents)
    .where(
      and(
        inArray(incidents.placementId, [...placementIds]),
        inArray(incidents.kind, [...safeguardingKinds]),
        ne(incidents.status, 'closed'),
      ),
    )
    .groupBy(incidents.placementId);
}

/** The London day of each incident of these kinds about these placements since `from` (a date). */
export function incidentDaysSince(
  db: Database,
  placementIds: readonly string[],
  kinds: readonly string[],
  from: string,
) {
  if (!placementIds.length) return Promise.resolve([] as { placementId: string; on: string }[]);
  return db
    .select({
      placementId: sql<string>`${incidents.placementId}`,
      on: sql<string>`(${incidents.occurredAt} at time zone 'Europe/London')::date::text`,
    })
    .from(incidents)
    .where(
      and(
        inArray(incidents.placementId, [...placementIds]),
        inArray(incidents.kind, kinds as never[]),
        sql`${incidents.occurredAt} >= (${from}::date::timestamp at time zone 'Europe/London')`,
      ),
    );
}
