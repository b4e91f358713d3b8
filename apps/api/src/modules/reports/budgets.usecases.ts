/**
 * AP budgets: each school's budget for the year beside its spend so far and the forecast to the year's
 * end, both worked out from the placements' costs and timetabled sessions on the school's calendar.
 */
import { academicYearBounds, expectedSessions, placementCostPence } from '@waymark/domain';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import { schoolColumnInReach } from '../../lib/scope.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { schools } from '../organisation/organisation.table.ts';
import { placements } from '../placements/placements.table.ts';
import { schoolBudgets } from './budgets.table.ts';

async function schoolsInReach(db: Database, actor: Actor, permission: 'reports.read' | 'budgets.manage') {
  return db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(
      and(
        eq(schools.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, permission), schools.id),
      ),
    )
    .orderBy(schools.name);
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
    db
      .select()
      .from(placements)
      .where(
        and(
          inArray(placements.schoolId, ids),
          ne(placements.status, 'cancelled'),
          ne(placements.status, 'referral'),
        ),
      ),
    loadSchoolCalendars(db, ids),
  ]);
  return list.map((school) => {
    let spent = 0;
    let forecast = 0;
    for (const p of rows.filter((r) => r.schoolId === school.id && r.startsOn)) {
      const days = new Set(p.sessions.map((s) => s.day)).size;
      let sessions: { date: string }[] = [];
      try {
        sessions = expectedSessions({
          calendar: calendars.get(school.id)!,
          sessions: p.sessions,
          startsOn: p.startsOn!,
          endsOn: p.endedOn ?? p.plannedEndOn,
          from: firstDay,
          to: lastDay,
        });
      } catch {
        sessions = []; // no term dates for the year yet
      }
      forecast += placementCostPence(p.costPence, p.costPer, sessions, days);
      spent += placementCostPence(
        p.costPence,
        p.costPer,
        sessions.filter((s) => s.date <= today),
        days,
      );
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
