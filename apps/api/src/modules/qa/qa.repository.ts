/** The QA feature's front door: completed visits, as reports and the inspection pack read them. */
import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, min, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { qaActions, qaVisits } from './qa.table.ts';

/** The overall judgement of each visit completed at these schools within a period. */
export function completedVisitsBetween(
  db: Database,
  schoolIds: readonly string[],
  period: { from: string; to: string },
) {
  if (!schoolIds.length) return Promise.resolve([]);
  return db
    .select({ overall: qaVisits.overall })
    .from(qaVisits)
    .where(
      and(
        inArray(qaVisits.schoolId, [...schoolIds]),
        eq(qaVisits.status, 'completed'),
        gte(qaVisits.visitOn, period.from),
        lte(qaVisits.visitOn, period.to),
      ),
    );
}

/** Visits to these providers from the school completed on or before a day, latest first. */
export function completedVisitsTo(
  db: Database,
  schoolId: string,
  providerIds: readonly string[],
  upTo: string,
) {
  if (!providerIds.length)
    return Promise.resolve(
      [] as { id: string; providerId: string; visitOn: string; overall: string | null }[],
    );
  return db
    .select({
      id: qaVisits.id,
      providerId: qaVisits.providerId,
      visitOn: qaVisits.visitOn,
      overall: qaVisits.overall,
    })
    .from(qaVisits)
    .where(
      and(
        eq(qaVisits.schoolId, schoolId),
        inArray(qaVisits.providerId, [...providerIds]),
        isNotNull(qaVisits.completedAt),
        lte(qaVisits.visitOn, upTo),
      ),
    )
    .orderBy(desc(qaVisits.visitOn));
}

/** The school's open QA actions with each of these providers: how many, and the earliest due. */
export function openActionCounts(db: Database, schoolId: string, providerIds: readonly string[]) {
  if (!providerIds.length)
    return Promise.resolve([] as { providerId: string; count: number; due: string | null }[]);
  return db
    .select({
      providerId: qaActions.providerId,
      count: sql<number>`count(*)::int`,
      due: min(qaActions.dueOn),
    })
    .from(qaActions)
    .where(
      and(
        eq(qaActions.schoolId, schoolId),
        inArray(qaActions.providerId, [...providerIds]),
        isNull(qaActions.doneOn),
      ),
    )
    .groupBy(qaActions.providerId);
}
