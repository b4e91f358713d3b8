/** The training feature's front door: staff training in figures, for the governors' report. */
import { and, gte, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { apStaff, trainingRecords, trainingReviews } from './training.table.ts';

/**
 * Of the AP staff at these schools: how many there are, how many hold training still in date on a
 * day, and how many had their training needs reviewed in the year before it.
 */
export async function trainingFiguresOn(db: Database, schoolIds: readonly string[], on: string) {
  const staff = schoolIds.length
    ? await db
        .select({ id: apStaff.id })
        .from(apStaff)
        .where(inArray(apStaff.schoolId, [...schoolIds]))
    : [];
  const staffIds = staff.map((s) => s.id);
  if (!staffIds.length) return { staff: 0, inDate: 0, reviewed: 0 };
  const [inDate, reviewed] = await Promise.all([
    db
      .selectDistinct({ staffId: trainingRecords.staffId })
      .from(trainingRecords)
      .where(
        and(
          inArray(trainingRecords.staffId, staffIds),
          sql`(${trainingRecords.expiresOn} is null or ${trainingRecords.expiresOn} >= ${on})`,
        ),
      ),
    db
      .selectDistinct({ staffId: trainingReviews.staffId })
      .from(trainingReviews)
      .where(
        and(
          inArray(trainingReviews.staffId, staffIds),
          gte(trainingReviews.reviewedOn, sql`(${on}::date - interval '1 year')::date`),
        ),
      ),
  ]);
  return { staff: staffIds.length, inDate: inDate.length, reviewed: reviewed.length };
}
