import type { BankHoliday, ClosureDay, HalfTerm } from '@waymark/domain';
import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { bankHolidays, closureDays, halfTerms } from './calendar.table.ts';

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;

export function createCalendarRepository({ db }: { db: Database }) {
  return {
    async halfTermsOf(schoolId: string, academicYear?: string): Promise<HalfTerm[]> {
      const rows = await db
        .select()
        .from(halfTerms)
        .where(
          and(
            eq(halfTerms.schoolId, schoolId),
            academicYear ? eq(halfTerms.academicYear, academicYear) : undefined,
          ),
        )
        .orderBy(asc(halfTerms.startsOn));
      return rows.map((r) => ({ ...r, half: r.half as 1 | 2 }));
    },

    async closureDaysOf(schoolId: string, academicYear?: string): Promise<ClosureDay[]> {
      return db
        .select({ date: closureDays.date, kind: closureDays.kind, note: closureDays.note })
        .from(closureDays)
        .where(
          and(
            eq(closureDays.schoolId, schoolId),
            academicYear ? eq(closureDays.academicYear, academicYear) : undefined,
          ),
        )
        .orderBy(asc(closureDays.date));
    },

    /** Half-terms and closure days of several schools at once, for lists that span schools. */
    async calendarsOfSchools(schoolIds: string[]) {
      if (!schoolIds.length) return { halfTerms: [], closureDays: [] };
      const [terms, closures] = await Promise.all([
        db
          .select()
          .from(halfTerms)
          .where(inArray(halfTerms.schoolId, schoolIds))
          .orderBy(asc(halfTerms.startsOn)),
        db
          .select({
            schoolId: closureDays.schoolId,
            date: closureDays.date,
            kind: closureDays.kind,
            note: closureDays.note,
          })
          .from(closureDays)
          .where(inArray(closureDays.schoolId, schoolIds))
          .orderBy(asc(closureDays.date)),
      ]);
      return { halfTerms: terms.map((r) => ({ ...r, half: r.half as 1 | 2 })), closureDays: closures };
    },

    async academicYearsOf(schoolId: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ academicYear: halfTerms.academicYear })
        .from(halfTerms)
        .where(eq(halfTerms.schoolId, schoolId))
        .orderBy(asc(halfTerms.academicYear));
      return rows.map((r) => r.academicYear);
    },

    async replaceYear(schoolId: string, academicYear: string, terms: HalfTerm[], closures: ClosureDay[]) {
      await db
        .delete(halfTerms)
        .where(and(eq(halfTerms.schoolId, schoolId), eq(halfTerms.academicYear, academicYear)));
      await db
        .delete(closureDays)
        .where(and(eq(closureDays.schoolId, schoolId), eq(closureDays.academicYear, academicYear)));
      if (terms.length) await db.insert(halfTerms).values(terms.map((t) => ({ ...t, schoolId })));
      if (closures.length)
        await db.insert(closureDays).values(closures.map((c) => ({ ...c, schoolId, academicYear })));
    },

    bankHolidays(from?: string, to?: string): Promise<BankHoliday[]> {
      return db
        .select()
        .from(bankHolidays)
        .where(from && to ? between(bankHolidays.date, from, to) : undefined)
        .orderBy(asc(bankHolidays.date));
    },

    /** Adds new dates and updates titles; never deletes, because an old feed may omit past years. */
    async upsertBankHolidays(holidays: BankHoliday[]) {
      if (!holidays.length) return { added: 0 };
      const before = await db.select({ n: sql<number>`count(*)::int` }).from(bankHolidays);
      await db
        .insert(bankHolidays)
        .values(holidays)
        .onConflictDoUpdate({ target: bankHolidays.date, set: { title: sql`excluded.title` } });
      const after = await db.select({ n: sql<number>`count(*)::int` }).from(bankHolidays);
      return { added: (after[0]?.n ?? 0) - (before[0]?.n ?? 0) };
    },
  };
}

/** Every half-term recorded for these schools, as stored (school id, year, term, half, dates). */
export function halfTermRowsOf(db: Database, schoolIds: readonly string[]) {
  if (!schoolIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(halfTerms)
    .where(inArray(halfTerms.schoolId, [...schoolIds]));
}

/** The half-terms of one term of a year at these schools. */
export function halfTermsOfTerm(
  db: Database,
  schoolIds: readonly string[],
  academicYear: string,
  term: 'autumn' | 'spring' | 'summer',
) {
  if (!schoolIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(halfTerms)
    .where(
      and(
        inArray(halfTerms.schoolId, [...schoolIds]),
        eq(halfTerms.academicYear, academicYear),
        eq(halfTerms.term, term),
      ),
    );
}
