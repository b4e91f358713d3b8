/** Obligations of the school day: first-day calls, N codes, interventions, concerns and their actions. */
import {
  firstDayCallObligations,
  incidentActionObligations,
  incidentTriageObligations,
  interventionObligations,
  pupilDisplayName,
  safeguardingKinds,
  todayInLondon,
  unresolvedNObligations,
} from '@waymark/domain';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import { firstDayCalls } from '../attendance/attendance.table.ts';
import { openInterventions } from '../attendance/interventions.usecases.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { incidentActions, incidents } from '../incidents/incidents.table.ts';
import { schoolNameOf, schoolsInReachOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { withPupils } from '../pupils/pupils.repository.ts';
import { type Collector, placementSchools, schoolNames } from './collect.ts';

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

/** Incidents the person can act on: safeguarding kinds for DSLs, the rest for those who manage incidents. */
export const incidentWork: Collector = async (db, actor) => {
  const names = await schoolNames(db, actor);
  const rows = await withPupils(
    db,
    await db
      .select({ incident: incidents })
      .from(incidents)
      .where(and(eq(incidents.groupId, actor.groupId), ne(incidents.status, 'closed'))),
    (r) => r.incident.pupilId,
  );
  const [dslSchools, managerSchools] = await Promise.all(
    (['safeguarding.manage', 'incidents.manage'] as const).map(
      async (p) => new Set((await schoolsInReachOf(db, actor, reachOf(actor, p))).map((s) => s.id)),
    ),
  );
  const mine = rows.filter(({ incident: i }) =>
    safeguardingKinds.includes(i.kind) ? dslSchools!.has(i.schoolId) : managerSchools!.has(i.schoolId),
  );
  const open = mine.length
    ? await db
        .select()
        .from(incidentActions)
        .where(
          and(
            inArray(
              incidentActions.incidentId,
              mine.map((m) => m.incident.id),
            ),
            isNull(incidentActions.doneOn),
          ),
        )
    : [];
  const onBoard = new Map(
    mine.map(({ incident: i, pupil }) => [
      i.id,
      {
        id: i.id,
        pupilName: pupilDisplayName(pupil),
        status: i.status,
        reportedOn: todayInLondon(i.reportedAt),
        schoolId: i.schoolId,
        schoolName: names.get(i.schoolId) ?? null,
      },
    ]),
  );
  return [
    ...[...onBoard.values()].flatMap(incidentTriageObligations),
    ...open.flatMap((a) => incidentActionObligations(onBoard.get(a.incidentId)!, a)),
  ];
};
