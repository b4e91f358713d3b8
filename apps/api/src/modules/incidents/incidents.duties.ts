/** Concerns and incidents to triage, and their actions, on the board of those who act on them. */
import {
  incidentActionObligations,
  incidentTriageObligations,
  pupilDisplayName,
  safeguardingKinds,
  todayInLondon,
} from '@waymark/domain';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import { type Collector, schoolNames } from '../obligations/collect.ts';
import { schoolsInReachOf } from '../organisation/organisation.repository.ts';
import { withPupils } from '../pupils/pupils.repository.ts';
import { incidentActions, incidents } from './incidents.table.ts';

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
