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
  targetOverdueWarning,
  toDayNumber,
  UNEXPLAINED_CODES,
  unexplainedAbsencesWarning,
  type WarningSettings,
  type WarningSubject,
} from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import { type Actor, hasPermission, reachOf } from '../../lib/actor.ts';
import {
  markCountsInSchoolWindows,
  marksWithCodesInSchoolWindows,
} from '../attendance/attendance.repository.ts';
import { createCalendarRepository } from '../calendar/calendar.repository.ts';
import { incidentDaysSince } from '../incidents/incidents.repository.ts';
import { lastContactOn, reviewsOf } from '../placements/placement-reviews.repository.ts';
import { type PlacementSelection, placementsWithPupils } from '../placements/placements.repository.ts';
import { reportDaysSince } from '../progress-reports/progress-reports.repository.ts';

export interface WarningFilter {
  schoolId?: string | undefined;
  placementId?: string | undefined;
}

/** The live placements a warning reader may see, narrowed to the filter's school or placement. */
export const livePlacementsFor = (actor: Actor, filter: WarningFilter): PlacementSelection => ({
  groupId: actor.groupId,
  statuses: ['active'],
  inReach: { actor, reach: reachOf(actor, 'placements.read') },
  ...(filter.schoolId ? { schoolIds: [filter.schoolId] } : {}),
  ...(filter.placementId ? { ids: [filter.placementId] } : {}),
});

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
  const rows = await placementsWithPupils(db, livePlacementsFor(actor, filter));
  if (!rows.length) return [];

  const schoolIds = [...new Set(rows.map((r) => r.placement.schoolId))];
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

  const seeAttendance = hasPermission(actor, 'attendance.read');
  const seeIncidents = hasPermission(actor, 'incidents.read');
  const incidentsFrom = addDays(today, -(settings.incidentWindowWeeks * 14 - 1));
  const placementIds = rows.map((r) => r.placement.id);
  const withTargets = rows
    .filter((r) => r.placement.reintegrationTargets.some((t) => t.targetDate))
    .map((r) => r.placement.id);

  const [byHalfTerm, unexplained, incidentRows, lastContact, reports, reviews] = await Promise.all([
    seeAttendance
      ? markCountsInSchoolWindows(
          db,
          placementIds,
          schoolIds.map((schoolId) => {
            const compared = schoolsCalendars.get(schoolId)!.compared;
            return {
              schoolId,
              previousFrom: compared?.previous.startsOn ?? today,
              currentFrom: compared?.current.startsOn ?? today,
            };
          }),
          today,
        )
      : [],
    seeAttendance
      ? marksWithCodesInSchoolWindows(
          db,
          placementIds,
          UNEXPLAINED_CODES,
          schoolIds.map((schoolId) => ({
            schoolId,
            from: schoolsCalendars.get(schoolId)!.window.at(-1) ?? today,
          })),
          today,
        )
      : [],
    seeIncidents ? incidentDaysSince(db, placementIds, behaviourKinds, incidentsFrom) : [],
    lastContactOn(db, placementIds),
    reportDaysSince(db, placementIds, addDays(today, -400)),
    reviewsOf(db, withTargets),
  ]);

  const countsOf = group(byHalfTerm, (r) => r.placementId);
  const unexplainedOf = group(unexplained, (r) => r.placementId);
  const incidentsOf = group(incidentRows, (r) => r.placementId);
  const reportsOf = group(reports, (r) => r.placementId);
  const reviewsByPlacement = group(reviews, (r) => r.placementId);

  return rows.flatMap(({ placement: p, pupilName, providerName, schoolName }) => {
    const subject: WarningSubject = {
      placementId: p.id,
      providerId: p.providerId,
      pupilName,
      providerName,
      schoolId: p.schoolId,
      schoolName,
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
        reviews: (reviewsByPlacement.get(p.id) ?? []).map((r) => ({ ...r, progress: r.progress ?? [] })),
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
