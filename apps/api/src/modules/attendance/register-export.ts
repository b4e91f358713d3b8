/**
 * The register for the MIS: UPN, date, session, code, for the schools in reach and the dates asked.
 * The codes the providers' marks stand for (B, K, D, N, I…) and, for a plan's reduced timetable, C2 on
 * each agreed session the pupil is expected neither at school nor at the provider.
 */
import { REDUCED_TIMETABLE_CODE, reducedTimetableSessions } from '@waymark/domain';
import { and, eq, gte, lte } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import type { Reading } from '../../lib/use-case.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { placementsWithReducedTimetable } from '../placements/placement-view.ts';
import { pupilUpnOf } from '../pupils/pupils.repository.ts';
import { attendanceMarks } from './attendance.table.ts';

interface RegisterRow {
  upn: string;
  date: string;
  session: 'am' | 'pm';
  code: string;
}

export async function exportRegister({
  db,
  actor,
  schoolId,
  from,
  to,
}: Reading & { schoolId?: string | undefined; from: string; to: string }) {
  const [marks, reduced] = await Promise.all([
    db
      .select({
        upn: pupilUpnOf(attendanceMarks.pupilId),
        date: attendanceMarks.date,
        session: attendanceMarks.session,
        code: attendanceMarks.code,
      })
      .from(attendanceMarks)
      .where(
        and(
          eq(attendanceMarks.groupId, actor.groupId),
          schoolColumnInReach(db, actor, reachOf(actor, 'attendance.read'), attendanceMarks.schoolId),
          schoolId ? eq(attendanceMarks.schoolId, schoolId) : undefined,
          gte(attendanceMarks.date, from),
          lte(attendanceMarks.date, to),
        ),
      ),
    placementsWithReducedTimetable(db, actor, { schoolId, from, to }),
  ]);
  const calendars = await loadSchoolCalendars(
    db,
    reduced.map((r) => r.placement.schoolId),
  );
  const rows: RegisterRow[] = [...marks];
  for (const { placement: p, pupil } of reduced)
    for (const s of reducedTimetableSessions({
      reduced: p.reducedTimetable!,
      calendar: calendars.get(p.schoolId)!,
      placementStartsOn: p.startsOn!,
      placementEndsOn: p.endedOn ?? p.plannedEndOn,
      from,
      to,
    }))
      rows.push({ upn: pupil.upn, ...s, code: REDUCED_TIMETABLE_CODE });
  rows.sort(
    (a, b) =>
      a.upn.localeCompare(b.upn) || a.date.localeCompare(b.date) || a.session.localeCompare(b.session),
  );
  return `${[
    'UPN,Date,Session,Code',
    ...rows.map((r) => `${r.upn},${r.date},${r.session.toUpperCase()},${r.code}`),
  ].join('\r\n')}\r\n`;
}
