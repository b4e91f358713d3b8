/** The progress reports feature's front door: when providers reported, for the early warnings. */
import { and, gte, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { progressReports } from './progress-reports.table.ts';

/** The days these placements' progress reports speak for, since `from`. */
export function reportDaysSince(db: Database, placementIds: readonly string[], from: string) {
  if (!placementIds.length) return Promise.resolve([] as { placementId: string; reportedOn: string }[]);
  return db
    .select({ placementId: progressReports.placementId, reportedOn: progressReports.reportedOn })
    .from(progressReports)
    .where(
      and(inArray(progressReports.placementId, [...placementIds]), gte(progressReports.reportedOn, from)),
    );
}
