/** The attendance officer's duties on the what-is-due board: first-day calls, N codes to resolve, interventions. */
import {
  firstDayCallObligations,
  interventionObligations,
  pupilDisplayName,
  unresolvedNObligations,
} from '@waymark/domain';
import { and, eq } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { type Collector, placementSchools } from '../obligations/collect.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { withPupils } from '../pupils/pupils.repository.ts';
import { firstDayCalls } from './attendance.table.ts';
import { openInterventions } from './interventions.usecases.ts';

export const calls: Collector = async (db, actor) => {
  const rows = await withPupils(
    db,
    await db
      .select({ call: firstDayCalls, schoolName: schoolNameOf(firstDayCalls.schoolId) })
      .from(firstDayCalls)
      .where(
        and(
          eq(firstDayCalls.groupId, actor.groupId),
          eq(firstDayCalls.status, 'open'),
          schoolColumnInReach(db, actor, reachOf(actor, 'attendance.read'), firstDayCalls.schoolId),
        ),
      ),
    (r) => r.call.pupilId,
  );
  const calendars = await loadSchoolCalendars(
    db,
    rows.map((r) => r.call.schoolId),
  );
  return rows.flatMap((r) => {
    const call = { ...r.call, pupilName: pupilDisplayName(r.pupil), schoolName: r.schoolName };
    return [
      ...firstDayCallObligations(call),
      ...unresolvedNObligations(call, calendars.get(r.call.schoolId)!),
    ];
  });
};

export const interventions: Collector = async (db, actor) => {
  const rows = await openInterventions({ db, actor });
  const schoolOf = await placementSchools(
    db,
    rows.map((r) => r.placementId),
  );
  return rows.flatMap((i) => interventionObligations({ ...i, ...schoolOf(i.placementId) }));
};
