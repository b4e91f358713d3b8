/** Obligations of the school day: first-day calls, N codes, interventions, concerns and their actions. */
import { type Obligation, safeguardingKinds } from '@waymark/domain';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import { schoolColumnInReach } from '../../lib/scope.ts';
import { firstDayCalls } from '../attendance/attendance.table.ts';
import { openInterventions } from '../attendance/interventions.usecases.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { incidentActions, incidents } from '../incidents/incidents.table.ts';
import { schools } from '../organisation/organisation.table.ts';
import { nameOf } from '../placements/placements.usecases.ts';
import { pupils } from '../pupils/pupils.table.ts';
import { type Collector, placementSchools, schoolNames } from './collect.ts';

/** N codes are resolved within five school days (DOMAIN-REFERENCE.md); the call itself is due on the day. */
export const calls: Collector = async (db, actor) => {
  const rows = await db
    .select({ call: firstDayCalls, pupil: pupils, schoolName: schools.name })
    .from(firstDayCalls)
    .innerJoin(pupils, eq(pupils.id, firstDayCalls.pupilId))
    .innerJoin(schools, eq(schools.id, firstDayCalls.schoolId))
    .where(
      and(
        eq(firstDayCalls.groupId, actor.groupId),
        eq(firstDayCalls.status, 'open'),
        schoolColumnInReach(db, actor, reachOf(actor, 'attendance.read'), firstDayCalls.schoolId),
      ),
    );
  const calendars = await loadSchoolCalendars(
    db,
    rows.map((r) => r.call.schoolId),
  );
  return rows.flatMap((r) => {
    const base = { link: '/attendance', schoolId: r.call.schoolId, schoolName: r.schoolName };
    const items: Obligation[] = [
      {
        ...base,
        kind: 'first_day_call',
        title: `Call about ${nameOf(r.pupil)}'s absence on ${r.call.date}`,
        dueOn: r.call.date,
      },
    ];
    try {
      const resolveBy = calendars.get(r.call.schoolId)!.addSchoolDays(r.call.date, 5);
      items.push({
        ...base,
        kind: 'unresolved_n',
        title: `Resolve the N for ${nameOf(r.pupil)} on ${r.call.date}`,
        dueOn: resolveBy,
      });
    } catch {
      // No term dates that far: the call itself still shows.
    }
    return items;
  });
};

export const interventions: Collector = async (db, actor) => {
  const rows = await openInterventions({ db, actor });
  const schoolOf = await placementSchools(
    db,
    rows.map((r) => r.placementId),
  );
  return rows.map((i) => ({
    kind: 'intervention',
    title: i.action
      ? `Review the attendance plan for ${i.pupilName} at ${i.providerName}`
      : `Plan the attendance intervention for ${i.pupilName} (${i.attendancePercentAtOpening}% against ${i.targetPercent}%)`,
    dueOn: i.reviewOn ?? i.openedOn,
    link: '/attendance',
    ...schoolOf(i.placementId),
  }));
};

/** Incidents the person can act on: safeguarding kinds for DSLs, the rest for those who manage incidents. */
export const incidentWork: Collector = async (db, actor) => {
  const names = await schoolNames(db, actor);
  const rows = await db
    .select({ incident: incidents, pupil: pupils })
    .from(incidents)
    .innerJoin(pupils, eq(pupils.id, incidents.pupilId))
    .where(and(eq(incidents.groupId, actor.groupId), ne(incidents.status, 'closed')));
  const [dslSchools, managerSchools] = await Promise.all(
    (['safeguarding.manage', 'incidents.manage'] as const).map(
      async (p) =>
        new Set(
          (
            await db
              .select({ id: schools.id })
              .from(schools)
              .where(
                and(
                  eq(schools.groupId, actor.groupId),
                  schoolColumnInReach(db, actor, reachOf(actor, p), schools.id),
                ),
              )
          ).map((s) => s.id),
        ),
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
  return [
    ...mine
      .filter(({ incident: i }) => i.status === 'reported')
      .map(({ incident: i, pupil }) => ({
        kind: 'incident_triage' as const,
        title: `Triage the report about ${nameOf(pupil)}`,
        dueOn: i.reportedAt.toISOString().slice(0, 10),
        link: `/incidents/${i.id}`,
        schoolId: i.schoolId,
        schoolName: names.get(i.schoolId) ?? null,
      })),
    ...open.map((a) => {
      const i = mine.find((m) => m.incident.id === a.incidentId)!.incident;
      return {
        kind: 'incident_action' as const,
        title: `${a.action} (${a.owner})`,
        dueOn: a.dueOn,
        link: `/incidents/${i.id}`,
        schoolId: i.schoolId,
        schoolName: names.get(i.schoolId) ?? null,
      };
    }),
  ];
};
