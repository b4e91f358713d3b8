/** The attendance officer's duties on the what-is-due board: first-day calls, N codes to resolve, interventions. */
import {
  firstDayCallObligations,
  interventionObligations,
  pupilDisplayName,
  unresolvedNObligations,
} from '@waymark/domain';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { type Collector, placementSchools } from '../obligations/collect.ts';
import { openFirstDayCalls } from './attendance.repository.ts';
import { openInterventions } from './interventions.usecases.ts';

export const calls: Collector = async (db, actor) => {
  const rows = await openFirstDayCalls(db, actor);
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
