/** Obligations of oversight: provider renewals and sign-off, QA, training, the policy, governors' reports. */
import { policyReviewState, termsOf } from '@waymark/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import { schoolColumnInReach } from '../../lib/scope.ts';
import { halfTerms } from '../calendar/calendar.table.ts';
import { schools } from '../organisation/organisation.table.ts';
import { policyOverview } from '../policy/policy.usecases.ts';
import { providers } from '../providers/providers.table.ts';
import { listProviders } from '../providers/providers.usecases.ts';
import { listRenewals } from '../providers/renewals.ts';
import { qaActions } from '../qa/qa.table.ts';
import { qaSchedule } from '../qa/qa.usecases.ts';
import { listStaff } from '../training/training.usecases.ts';
import type { Collector } from './collect.ts';

export const renewals: Collector = async (db, actor, today) =>
  (await listRenewals(db, actor.groupId, today)).map((r) => ({
    kind: 'provider_renewal',
    title: `${r.providerName}: ${r.item}`,
    dueOn: r.expiresOn,
    link: `/providers/${r.providerId}`,
    schoolId: null,
    schoolName: null,
  }));

export const signOffs: Collector = async (db, actor, today) =>
  (await listProviders({ db, actor, filters: { sort: 'name' }, today })).providers
    .filter((p) => p.approval.readyForSignOff && p.status !== 'approved')
    .map((p) => ({
      kind: 'provider_sign_off',
      title: `${p.name}: every check is met; approve or not`,
      dueOn: today,
      link: `/providers/${p.id}`,
      schoolId: null,
      schoolName: null,
    }));

export const qa: Collector = async (db, actor, today) => {
  const [schedule, actions] = await Promise.all([
    qaSchedule({ db, actor, today }),
    db
      .select({ action: qaActions, providerName: providers.name, schoolName: schools.name })
      .from(qaActions)
      .innerJoin(providers, eq(providers.id, qaActions.providerId))
      .innerJoin(schools, eq(schools.id, qaActions.schoolId))
      .where(
        and(
          eq(qaActions.groupId, actor.groupId),
          isNull(qaActions.doneOn),
          schoolColumnInReach(db, actor, reachOf(actor, 'qa.read'), qaActions.schoolId),
        ),
      ),
  ]);
  return [
    ...schedule
      .filter((d) => d.status === 'due' || d.status === 'overdue')
      .map((d) => ({
        kind: 'qa_visit' as const,
        title: `${d.termLabel} QA visit to ${d.providerName}`,
        dueOn: d.term.endsOn,
        link: '/qa',
        schoolId: d.schoolId,
        schoolName: d.schoolName,
      })),
    ...actions.map(({ action: a, providerName, schoolName }) => ({
      kind: 'qa_action' as const,
      title: `${providerName}: ${a.action} (${a.owner})`,
      dueOn: a.dueOn,
      link: `/qa/visits/${a.visitId}`,
      schoolId: a.schoolId,
      schoolName,
    })),
  ];
};

export const training: Collector = async (db, actor, today) =>
  (await listStaff({ db, actor, today }))
    .filter((s) => s.nextReviewOn <= today || s.reviewDue)
    .map((s) => ({
      kind: 'training_review',
      title: `Training-needs review for ${s.name}`,
      dueOn: s.nextReviewOn,
      link: '/training',
      schoolId: s.schoolId,
      schoolName: s.schoolName,
    }));

export const policy: Collector = async (db, actor, today) => {
  const { current } = await policyOverview({ db, groupId: actor.groupId, today });
  if (!current || policyReviewState(current.nextReviewOn, today) === 'in_date') return [];
  return [
    {
      kind: 'policy_review',
      title: `Review the AP policy (${current.policyNumber}, issue ${current.issueNumber})`,
      dueOn: current.nextReviewOn,
      link: '/policy',
      schoolId: null,
      schoolName: null,
    },
  ];
};

/** Each school's governors' report for the term under way, due on the term's last day. */
export const governorsReports: Collector = async (db, actor, today) => {
  const mine = await db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(
      and(
        eq(schools.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, 'budgets.manage'), schools.id),
      ),
    );
  const ids = mine.map((s) => s.id);
  const terms = ids.length ? await db.select().from(halfTerms).where(inArray(halfTerms.schoolId, ids)) : [];
  return mine.flatMap((school) => {
    const current = termsOf(terms.filter((t) => t.schoolId === school.id)).find(
      (t) => t.startsOn <= today && t.endsOn >= today,
    );
    return current
      ? [
          {
            kind: 'governors_report' as const,
            title: `${school.name}: the ${current.term} ${current.academicYear} report to governors`,
            dueOn: current.endsOn,
            link: '/reports/governors',
            schoolId: school.id,
            schoolName: school.name,
          },
        ]
      : [];
  });
};
