/** Termly QA visits due and the actions agreed at them, on the AP lead's board. */
import { qaActionObligations, qaVisitObligations } from '@waymark/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import type { Collector } from '../obligations/collect.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { qaActions } from './qa.table.ts';
import { qaSchedule } from './qa.usecases.ts';

export const qa: Collector = async (db, actor, today) => {
  const [schedule, actions] = await Promise.all([
    qaSchedule({ db, actor, today }),
    db
      .select({
        action: qaActions,
        providerName: providerNameOf(qaActions.providerId),
        schoolName: schoolNameOf(qaActions.schoolId),
      })
      .from(qaActions)
      .where(
        and(
          eq(qaActions.groupId, actor.groupId),
          isNull(qaActions.doneOn),
          schoolColumnInReach(db, actor, reachOf(actor, 'qa.read'), qaActions.schoolId),
        ),
      ),
  ]);
  return [
    ...schedule.flatMap((d) => qaVisitObligations(d)),
    ...actions.flatMap(({ action, providerName, schoolName }) =>
      qaActionObligations({ ...action, providerName, schoolName }),
    ),
  ];
};
