/**
 * AP budgets: each school's budget for the year beside its spend so far and the forecast to the year's
 * end, both worked out from the placements' costs and timetabled sessions on the school's calendar.
 */
import {
  academicYearBounds,
  placementCostOfCounts,
  schoolDaysBetween,
  termPeriods,
  timetabledCounts,
} from '@waymark/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { schoolsInReachOf } from '../organisation/organisation.repository.ts';
import { termChangesOf } from '../placements/placement-terms.ts';
import { placementTermRecords } from '../placements/placements.repository.ts';
import { schoolBudgets } from './budgets.table.ts';

async function schoolsInReach(db: Database, actor: Actor, permission: 'reports.read' | 'budgets.manage') {
  return schoolsInReachOf(db, actor, reachOf(actor, permission));
}

export async function budgets({
  db,
  actor,
  academicYear,
  today,
  schoolIds,
}: {
  db: Database;
  actor: Actor;
  academicYear: string;
  /** Spend is counted up to this day; the forecast runs to the year's end. */
  today: string;
  /** Only these schools (a report's scope); otherwise every school in reach. */
  schoolIds?: readonly string[];
}) {
  const list = (await schoolsInReach(db, actor, 'reports.read')).filter(
    (s) => !schoolIds || schoolIds.includes(s.id),
  );
  const ids = list.map((s) => s.id);
  if (!ids.length) return [];
  const { firstDay, lastDay } = academicYearBounds(academicYear);
  const [set, rows, calendars] = await Promise.all([
    db
      .select()
      .from(schoolBudgets)
      .where(and(inArray(schoolBudgets.schoolId, ids), eq(schoolBudgets.academicYear, academicYear))),
    // Only what the cost needs, and only placements that touch the year: years of ended ones are many.
    placementTermRecords(db, {
      schoolIds: ids,
      statuses: ['active', 'ended'],
      overlapping: { from: firstDay, to: lastDay },
    }),
    loadSchoolCalendars(db, ids),
  ]);
  const changes = await termChangesOf(
    db,
    rows.map((p) => p.id),
  );
  const bySchool = new Map<string, typeof rows>();
  for (const p of rows) {
    if (!p.startsOn) continue;
    const list = bySchool.get(p.schoolId) ?? [];
    list.push(p);
    bySchool.set(p.schoolId, list);
  }
  return list.map((school) => {
    // The school's days of the year once; each placement is then counted against them.
    const calendar = calendars.get(school.id);
    const schoolDays = calendar ? schoolDaysBetween(calendar, firstDay, lastDay) : [];
    let spent = 0;
    let forecast = 0;
    for (const p of bySchool.get(school.id) ?? []) {
      const [, first] = [p.startsOn!, firstDay].sort(); // the later of the two ISO dates
      const end = p.endedOn ?? p.plannedEndOn;
      const last = end && end < lastDay ? end : lastDay;
      // Each period of the placement's terms is priced on its own timetable: a change from a day
      // leaves the spend before it as it ran.
      const cost = (to: string) =>
        termPeriods(p, changes.get(p.id) ?? []).reduce((sum, period) => {
          const from = period.from && period.from > first! ? period.from : first!;
          const until = period.to && period.to < to ? period.to : to;
          if (from > until) return sum;
          const { sessions, costPence, costPer } = period.terms;
          const daysPerWeek = new Set(sessions.map((s) => s.day)).size;
          return (
            sum +
            placementCostOfCounts(
              costPence,
              costPer,
              timetabledCounts(schoolDays, sessions, from, until),
              daysPerWeek,
            )
          );
        }, 0);
      forecast += cost(last);
      spent += cost(today < last ? today : last);
    }
    const budget = set.find((b) => b.schoolId === school.id)?.amountPence ?? null;
    return {
      schoolId: school.id,
      schoolName: school.name,
      budgetPence: budget,
      spentToDatePence: spent,
      forecastPence: forecast,
      remainingPence: budget === null ? null : budget - forecast,
    };
  });
}

export async function setBudget(
  { db, actor, ipAddress, now }: { db: Database; actor: Actor; ipAddress: string | null; now: Date },
  schoolId: string,
  input: { academicYear: string; amountPounds: number },
) {
  await db.transaction(async (tx) => {
    const mine = await schoolsInReach(tx, actor, 'budgets.manage');
    if (!mine.some((s) => s.id === schoolId))
      throw fieldError('budgets.unknown_school', 'schoolId', 'Choose one of your schools');
    const amountPence = Math.round(input.amountPounds * 100);
    await tx
      .insert(schoolBudgets)
      .values({
        schoolId,
        academicYear: input.academicYear,
        amountPence,
        setByName: actor.displayName,
        setAt: now,
      })
      .onConflictDoUpdate({
        target: [schoolBudgets.schoolId, schoolBudgets.academicYear],
        set: { amountPence, setByName: actor.displayName, setAt: now },
      });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'budgets.set',
        recordType: 'school',
        recordId: schoolId,
        schoolId,
        summary: `AP budget for ${input.academicYear}: £${input.amountPounds}`,
      },
    );
  });
}
