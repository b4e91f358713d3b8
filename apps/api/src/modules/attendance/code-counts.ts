/**
 * Marks counted by code for any period, read from the counts the database keeps per placement and
 * month (`attendance_month_counts`) for the whole months inside it, and from the marks themselves only
 * for the days at its edges: a placement's month is a few rows (one per code) rather than its forty-odd
 * marks, and a trust's year of 1.4 million marks is read in tens of milliseconds (docs/performance.md).
 */
import { monthSpans } from '@waymark/domain';
import { and, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import { attendanceMarks, attendanceMonthCounts } from './attendance.table.ts';

/** The columns both the marks and the kept counts carry, for choosing and grouping either. */
export interface CountedColumns {
  placementId: PgColumn;
  schoolId: PgColumn;
  providerId: PgColumn;
  groupId: PgColumn;
}

export type CountedBy = 'placementId' | 'schoolId' | 'providerId';

export interface CodeCount {
  id: string;
  code: string;
  count: number;
}

/**
 * Each `by`'s marks counted by code from `from` to `to` (inclusive, either end optional), of the marks
 * `where` chooses: it is given the columns of whichever table is read, so one condition serves both.
 */
export async function codeCounts(
  db: Database,
  {
    by,
    where,
    from,
    to,
  }: { by: CountedBy; where: (t: CountedColumns) => SQL | undefined; from?: string; to?: string },
): Promise<CodeCount[]> {
  const { months, edges } = monthSpans(from, to);
  const kept = attendanceMonthCounts;
  const marks = attendanceMarks;
  const totals = new Map<string, CodeCount>();
  const add = (rows: CodeCount[]) => {
    for (const row of rows) {
      const total = totals.get(`${row.id} ${row.code}`);
      if (total) total.count += row.count;
      else totals.set(`${row.id} ${row.code}`, { ...row });
    }
  };
  // One query after another: inside a transaction there is one connection.
  if (months)
    add(
      await db
        .select({
          id: sql<string>`${kept[by]}`,
          code: kept.code,
          count: sql<number>`sum(${kept.count})::int`,
        })
        .from(kept)
        .where(
          and(
            where(kept),
            months.first ? gte(kept.month, months.first) : undefined,
            months.last ? lte(kept.month, months.last) : undefined,
          ),
        )
        .groupBy(kept[by], kept.code),
    );
  for (const edge of edges)
    add(
      await db
        .select({ id: sql<string>`${marks[by]}`, code: marks.code, count: sql<number>`count(*)::int` })
        .from(marks)
        .where(and(where(marks), gte(marks.date, edge.from), lte(marks.date, edge.to)))
        .groupBy(marks[by], marks.code),
    );
  return [...totals.values()];
}
