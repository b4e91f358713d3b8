/** One pupil's marks and rate for a period, for the month calendar on the pupil's page (read is logged). */
import { attendanceRate } from '@waymark/domain';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { findPupilInReach } from '../pupils/pupils.usecases.ts';
import { attendanceMarks } from './attendance.table.ts';

export async function pupilAttendance({
  db,
  actor,
  ipAddress,
  pupilId,
  from,
  to,
}: {
  db: Database;
  actor: Actor;
  ipAddress: string | null;
  pupilId: string;
  from: string;
  to: string;
}) {
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
    return { marks, rate: attendanceRate(marks.map((m) => m.code)) };
  });
}
