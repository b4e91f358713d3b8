/**
 * Reads what the placement signals need — attendance by half-term, unexplained absences, incidents,
 * contact, progress reports, reviews — for the active placements in reach, in a few set-based queries,
 * and asks the domain's rules.
 */
import {
  addDays,
  attendanceDropWarning,
  attendanceRateOfCounts,
  behaviourKinds,
  createSchoolCalendar,
  directionEndingWarning,
  type EarlyWarning,
  type HalfTerm,
  incidentsRisingWarning,
  lastSchoolDays,
  noContactWarning,
  noProgressReportWarning,
  pupilDisplayName,
  targetOverdueWarning,
  toDayNumber,
  UNEXPLAINED_CODES,
  unexplainedAbsencesWarning,
  type WarningSettings,
  type WarningSubject,
} from '@waymark/domain';
import { and, eq, gte, inArray, max, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, hasPermission, reachOf } from '../../lib/actor.ts';
import { attendanceMarks } from '../attendance/attendance.table.ts';
import { createCalendarRepository } from '../calendar/calendar.repository.ts';
import { incidents } from '../incidents/incidents.table.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { placementCommunications, placementReviews, placements } from '../placements/placements.table.ts';
import { progressReports } from '../progress-reports/progress-reports.table.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { pupils } from '../pupils/pupils.table.ts';

export interface WarningFilter {
  schoolId?: string | undefined;
  placementId?: string | undefined;
}

/** The half-term under way (or the last one begun, in a holiday) and the one before it. */
function comparedHalfTerms(terms: readonly HalfTerm[], today: string) {
  const begun = terms.filter((h) => h.startsOn <= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const current = begun.at(-1);
  const previous = begun.at(-2);
  return current && previous ? { current, previous } : null;
}

const group = <T, K>(rows: readonly T[], keyOf: (row: T) => K) => {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row));
    if (list) list.push(row);
    else map.set(keyOf(row), [row]);
  }
  return map;
};

export async function placementWarnings(
  db: Database,
  actor: Actor,
  today: string,
  settings: WarningSettings,
  filter: WarningFilter,
): Promise<EarlyWarning[]> {
  const live: SQL = and(
    eq(placements.groupId, actor.groupId),
    eq(placements.status, 'active'),
    schoolColumnInReach(db, actor, reachOf(actor, 'placements.read'), placements.schoolId),
    filter.schoolId ? eq(placements.schoolId, filter.schoolId) : undefined,
    filter.placementId ? eq(placements.id, filter.placementId) : undefined,
  )!;
  const rows = await db
    .select({
      id: placements.id,
      schoolId: placements.schoolId,
      providerId: placements.providerId,
      type: placements.type,
      startsOn: placements.startsOn,
      maximumDays: placements.maximumDays,
      reintegrationTargets: placements.reintegrationTargets,
      pupil: {
        preferredName: pupils.preferredName,
        legalFirstName: pupils.legalFirstName,
        legalLastName: pupils.legalLastName,
      },
      providerName: providerNameOf(placements.providerId),
      schoolName: schoolNameOf(placements.schoolId),
    })
    .from(placements)
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .where(live);
  if (!rows.length) return [];

  const schoolIds = [...new Set(rows.map((r) => r.schoolId))];
  const repository = createCalendarRepository({ db });
  const [{ halfTerms, closureDays }, bankHolidays] = await Promise.all([
    repository.calendarsOfSchools(schoolIds),
    repository.bankHolidays(),
  ]);
  const schoolsCalendars = new Map(
    schoolIds.map((id) => {
      const terms = halfTerms.filter((h) => h.schoolId === id);
      const calendar = createSchoolCalendar({
        halfTerms: terms,
        closureDays: closureDays.filter((c) => c.schoolId === id),
        bankHolidays,
      });
      const window = lastSchoolDays(calendar, today, settings.unexplainedWindowSchoolDays);
      return [id, { terms, calendar, compared: comparedHalfTerms(terms, today), window }] as const;
    }),
  );

  // Each school's windows as a small table the marks join to: one query, whatever the number of schools.
  const windows = schoolIds.map((id) => {
    const s = schoolsCalendars.get(id)!;
    return {
      id,
      previousFrom: s.compared?.previous.startsOn ?? today,
      currentFrom: s.compared?.current.startsOn ?? today,
      unexplainedFrom: s.window.at(-1) ?? today,
    };
  });
  // The earliest of each window as a plain bound too, so the database can range-scan the marks by date
  // before joining each school's own window.
  const earliest = (dates: string[]) => dates.sort()[0]!;
  const marksFrom = earliest(windows.map((w) => w.previousFrom));
  const unexplainedFrom = earliest(windows.map((w) => w.unexplainedFrom));
  const windowTable = sql`(values ${sql.join(
    windows.map(
      (w) =>
        sql`(${w.id}::uuid, ${w.previousFrom}::date, ${w.currentFrom}::date, ${w.unexplainedFrom}::date)`,
    ),
    sql`, `,
  )}) as w(school_id, previous_from, current_from, unexplained_from)`;

  const seeAttendance = hasPermission(actor, 'attendance.read');
  const seeIncidents = hasPermission(actor, 'incidents.read');
  const incidentsFrom = addDays(today, -(settings.incidentWindowWeeks * 14 - 1));
  const withTargets = rows.filter((r) => r.reintegrationTargets.some((t) => t.targetDate)).map((r) => r.id);

  const [byHalfTerm, unexplained, incidentRows, contacts, reviewContacts, reports, reviews] =
    await Promise.all([
      seeAttendance
        ? db
            .select({
              placementId: attendanceMarks.placementId,
              code: attendanceMarks.code,
              current: sql<boolean>`${attendanceMarks.date} >= w.current_from`,
              count: sql<number>`count(*)::int`,
            })
            .from(attendanceMarks)
            .innerJoin(placements, eq(placements.id, attendanceMarks.placementId))
            .innerJoin(windowTable, sql`w.school_id = ${attendanceMarks.schoolId}`)
            .where(
              and(
                live,
                gte(attendanceMarks.date, marksFrom),
                sql`${attendanceMarks.date} >= w.previous_from`,
                sql`${attendanceMarks.date} <= ${today}`,
              ),
            )
            .groupBy(attendanceMarks.placementId, attendanceMarks.code, sql`3`)
        : [],
      seeAttendance
        ? db
            .select({
              placementId: attendanceMarks.placementId,
              date: attendanceMarks.date,
              code: attendanceMarks.code,
            })
            .from(attendanceMarks)
            .innerJoin(placements, eq(placements.id, attendanceMarks.placementId))
            .innerJoin(windowTable, sql`w.school_id = ${attendanceMarks.schoolId}`)
            .where(
              and(
                live,
                inArray(attendanceMarks.code, [...UNEXPLAINED_CODES]),
                gte(attendanceMarks.date, unexplainedFrom),
                sql`${attendanceMarks.date} >= w.unexplained_from`,
                sql`${attendanceMarks.date} <= ${today}`,
              ),
            )
        : [],
      seeIncidents
        ? db
            .select({
              placementId: incidents.placementId,
              on: sql<string>`(${incidents.occurredAt} at time zone 'Europe/London')::date::text`,
            })
            .from(incidents)
            .innerJoin(placements, eq(placements.id, incidents.placementId))
            .where(
              and(
                live,
                inArray(incidents.kind, [...behaviourKinds]),
                sql`${incidents.occurredAt} >= (${incidentsFrom}::date::timestamp at time zone 'Europe/London')`,
              ),
            )
        : [],
      db
        .select({
          placementId: placementCommunications.placementId,
          last: max(placementCommunications.occurredOn),
        })
        .from(placementCommunications)
        .innerJoin(placements, eq(placements.id, placementCommunications.placementId))
        .where(live)
        .groupBy(placementCommunications.placementId),
      // A review meeting is contact with the provider too.
      db
        .select({ placementId: placementReviews.placementId, last: max(placementReviews.completedOn) })
        .from(placementReviews)
        .innerJoin(placements, eq(placements.id, placementReviews.placementId))
        .where(live)
        .groupBy(placementReviews.placementId),
      db
        .select({ placementId: progressReports.placementId, reportedOn: progressReports.reportedOn })
        .from(progressReports)
        .innerJoin(placements, eq(placements.id, progressReports.placementId))
        .where(and(live, gte(progressReports.reportedOn, addDays(today, -400)))),
      withTargets.length
        ? db
            .select({
              placementId: placementReviews.placementId,
              completedOn: placementReviews.completedOn,
              progress: placementReviews.progress,
            })
            .from(placementReviews)
            .where(inArray(placementReviews.placementId, withTargets))
        : [],
    ]);

  const countsOf = group(byHalfTerm, (r) => r.placementId);
  const unexplainedOf = group(unexplained, (r) => r.placementId);
  const incidentsOf = group(incidentRows, (r) => r.placementId);
  const reportsOf = group(reports, (r) => r.placementId);
  const reviewsOf = group(reviews, (r) => r.placementId);
  const lastContact = new Map<string, string>();
  for (const c of [...contacts, ...reviewContacts])
    if (c.last && (lastContact.get(c.placementId) ?? '') < c.last) lastContact.set(c.placementId, c.last);

  return rows.flatMap((p) => {
    const subject: WarningSubject = {
      placementId: p.id,
      providerId: p.providerId,
      pupilName: pupilDisplayName(p.pupil),
      providerName: p.providerName,
      schoolId: p.schoolId,
      schoolName: p.schoolName,
    };
    const school = schoolsCalendars.get(p.schoolId)!;
    const startsOn = p.startsOn ?? today;
    const counts = countsOf.get(p.id) ?? [];
    const found: (EarlyWarning | null)[] = [];
    if (seeAttendance) {
      if (school.compared)
        found.push(
          attendanceDropWarning(
            subject,
            {
              current: attendanceRateOfCounts(counts.filter((c) => c.current)),
              previous: attendanceRateOfCounts(counts.filter((c) => !c.current)),
            },
            settings,
          ),
        );
      found.push(
        unexplainedAbsencesWarning(
          subject,
          { marks: unexplainedOf.get(p.id) ?? [], schoolDays: school.window },
          settings,
        ),
      );
    }
    if (seeIncidents)
      found.push(
        incidentsRisingWarning(
          subject,
          { incidentDates: (incidentsOf.get(p.id) ?? []).map((i) => i.on), today },
          settings,
        ),
      );
    // Nothing is silent before it has begun.
    if (toDayNumber(startsOn) <= toDayNumber(today)) {
      found.push(
        noContactWarning(
          subject,
          { lastContactOn: lastContact.get(p.id) ?? null, startsOn, today },
          settings,
        ),
      );
      found.push(
        noProgressReportWarning(
          subject,
          {
            reportDates: (reportsOf.get(p.id) ?? []).map((r) => r.reportedOn),
            startsOn,
            halfTerms: school.terms,
            today,
          },
          settings,
        ),
      );
    }
    found.push(
      targetOverdueWarning(subject, {
        targets: p.reintegrationTargets,
        reviews: (reviewsOf.get(p.id) ?? []).map((r) => ({ ...r, progress: r.progress ?? [] })),
        today,
      }),
    );
    if (p.type === 'off_site_direction')
      found.push(
        directionEndingWarning(
          subject,
          { startsOn: p.startsOn, maximumDays: p.maximumDays, calendar: school.calendar, today },
          settings,
        ),
      );
    return found.filter((w): w is EarlyWarning => w !== null);
  });
}
