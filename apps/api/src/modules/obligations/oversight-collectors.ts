/** Obligations of oversight: provider renewals and sign-off, QA, training, the policy, governors' reports. */
import {
  governorsReportObligations,
  policyReviewObligations,
  providerLetterAfterChangeObligations,
  providerRenewalObligations,
  providerSignOffObligations,
  qaActionObligations,
  qaVisitObligations,
  trainingReviewObligations,
} from '@waymark/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { hasPermission, reachOf } from '../../lib/actor.ts';
import { halfTerms } from '../calendar/calendar.table.ts';
import { schoolNameOf, schoolsInReachOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { policyOverview } from '../policy/policy.usecases.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { listProviders } from '../providers/providers.usecases.ts';
import { expiringEvidence } from '../providers/renewals.ts';
import { qaActions } from '../qa/qa.table.ts';
import { qaSchedule } from '../qa/qa.usecases.ts';
import { listStaff } from '../training/training.usecases.ts';
import type { Collector } from './collect.ts';

export const renewals: Collector = async (db, actor, today) =>
  providerRenewalObligations(await expiringEvidence(db, actor.groupId, today), today);

/** Sign-off and a new letter after a change of leads both come from the one approval evaluation. */
export const providerApprovals: Collector = async (db, actor, today) =>
  (await listProviders({ db, actor, filters: { sort: 'name' }, today })).providers.flatMap((p) => {
    const facts = { id: p.id, name: p.name, status: p.status, ...p.approval };
    return [
      ...(hasPermission(actor, 'providers.approve') ? providerSignOffObligations(facts, today) : []),
      ...(hasPermission(actor, 'providers.manage') ? providerLetterAfterChangeObligations(facts) : []),
    ];
  });

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

export const training: Collector = async (db, actor, today) =>
  (await listStaff({ db, actor, today })).flatMap((s) => trainingReviewObligations(s, today));

export const policy: Collector = async (db, actor, today) =>
  policyReviewObligations((await policyOverview({ db, groupId: actor.groupId, today })).current, today);

/** Each school's governors' report for the term under way, due on the term's last day. */
export const governorsReports: Collector = async (db, actor, today) => {
  const mine = await schoolsInReachOf(db, actor, reachOf(actor, 'budgets.manage'));
  const ids = mine.map((s) => s.id);
  const terms = ids.length ? await db.select().from(halfTerms).where(inArray(halfTerms.schoolId, ids)) : [];
  return mine.flatMap((school) =>
    governorsReportObligations(
      school,
      terms.filter((t) => t.schoolId === school.id),
      today,
    ),
  );
};
