/**
 * The check that the counts kept per placement and month (`attendance_month_counts`, kept by triggers on
 * the marks) agree exactly with the marks, and the repair that recounts them. `npm run counts:check`.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';

export interface KeptCountDifference {
  placementId: string;
  month: string;
  code: string;
  /** Counted from the marks now. */
  counted: number;
  /** As kept. */
  kept: number;
}

const recount = sql`
  select placement_id, date_trunc('month', date)::date as month, code, group_id, school_id, provider_id,
         count(*)::int as count
  from attendance_marks
  group by 1, 2, 3, 4, 5, 6`;

/** Every kept count that differs from a recount of the marks (a missing row counts as 0); none is right. */
export async function keptCountDifferences(db: Database): Promise<KeptCountDifference[]> {
  // Both drivers (PGlite and node-postgres) answer a raw statement with its rows.
  const result = (await db.execute(sql`
    with counted as (${recount})
    select coalesce(c.placement_id, k.placement_id) as "placementId",
           to_char(coalesce(c.month, k.month), 'YYYY-MM-DD') as "month",
           coalesce(c.code, k.code) as "code",
           coalesce(c.count, 0) as "counted",
           coalesce(k.count, 0) as "kept"
    from counted c
    full join attendance_month_counts k
      on k.placement_id = c.placement_id and k.month = c.month and k.code = c.code
    where c.count is distinct from k.count
       or c.school_id is distinct from k.school_id
       or c.provider_id is distinct from k.provider_id
       or c.group_id is distinct from k.group_id
    order by 1, 2, 3`)) as unknown as { rows: KeptCountDifference[] };
  return result.rows;
}

/** Throws the kept counts away and counts them again from the marks, in one transaction. */
export async function recountKeptCounts(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from attendance_month_counts`);
    await tx.execute(sql`
      insert into attendance_month_counts (placement_id, month, code, group_id, school_id, provider_id, count)
      ${recount}`);
  });
}
