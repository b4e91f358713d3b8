/**
 * One pupil's marks and rate for a period, for the month calendar on the pupil's page (read is logged),
 * with what each day is on the school's calendar: a school day, or a weekend, holiday, bank holiday,
 * INSET day or closure, so a day without marks is never mistaken for a school day.
 */
import { addDays, attendanceRate } from '@waymark/domain';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { recordAudit } from '../../lib/audit-log.ts';
import type { Reading } from '../../lib/use-case.ts';
import { loadSchoolCalendar } from '../calendar/calendar.usecases.ts';
import { findPupilInReach } from '../pupils/pupils.repository.ts';
import { attendanceMarks } from './attendance.table.ts';

export async function pupilAttendance({
  db,
  actor,
  ipAddress,
  pupilId,
  from,
  to,
}: Reading & { ipAddress: string | null; pupilId: string; from: string; to: string }) {
  return db.transaction(async (tx) => {
    const pupil = await findPupilInReach(tx, actor, pupilId, 'pupils.read');
    const marks = await tx
      .select({
        date: attendanceMarks.date,
        session: attendanceMarks.session,
        code: attendanceMarks.code,
        late: attendanceMarks.late,
      })
      .from(attendanceMarks)
      .where(
        and(
          eq(attendanceMarks.pupilId, pupilId),
          gte(attendanceMarks.date, from),
          lte(attendanceMarks.date, to),
        ),
      )
      .orderBy(asc(attendanceMarks.date), asc(attendanceMarks.session));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'attendance.pupil_viewed',
        recordType: 'pupil',
        recordId: pupilId,
        schoolId: pupil.schoolId,
        summary: `Viewed the attendance of ${pupil.legalFirstName} ${pupil.legalLastName} from ${from} to ${to}`,
      },
    );
    const calendar = await loadSchoolCalendar(tx, pupil.schoolId);
    const days = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const day = calendar.describeDay(date);
      days.push({ date, schoolDay: day.isSchoolDay, reason: day.reason, note: day.note });
    }
    return { marks, days, rate: attendanceRate(marks.map((m) => m.code)) };
  });
}
