/**
 * What oversight asks (policy §5, §10, §13, §14): termly QA visits and the actions agreed at them,
 * training-needs reviews, the policy's annual review and each term's report to governors.
 */
import { addDays } from '../calendar/iso-date.ts';
import { policyReviewState } from '../policy/policy-versions.ts';
import { type QaTerm, type QaVisitDue, termsOf } from '../qa/qa-schedule.ts';
import { acrossTheGroup, type Obligation, type ObligationPlace } from './obligations.ts';

/** How long before it falls due a training-needs review shows on the board. */
export const TRAINING_REVIEW_NOTICE_DAYS = 14;

const termLabel = (t: QaTerm) => `${t.term.charAt(0).toUpperCase()}${t.term.slice(1)} ${t.academicYear}`;

/** A term's visit not yet made (due by the term's end, overdue after it); one begun or done is not asked. */
export function qaVisitObligations(
  due: Pick<QaVisitDue, 'status' | 'term'> & ObligationPlace & { providerName: string },
): Obligation[] {
  if (due.status !== 'due' && due.status !== 'overdue') return [];
  return [
    {
      kind: 'qa_visit',
      title: `${termLabel(due.term)} QA visit to ${due.providerName}`,
      dueOn: due.term.endsOn,
      link: '/qa',
      schoolId: due.schoolId,
      schoolName: due.schoolName,
    },
  ];
}

/** An action agreed at a QA visit, due on its date until done. */
export function qaActionObligations(
  action: ObligationPlace & {
    visitId: string;
    providerName: string;
    action: string;
    owner: string;
    dueOn: string;
    doneOn: string | null;
  },
): Obligation[] {
  if (action.doneOn) return [];
  return [
    {
      kind: 'qa_action',
      title: `${action.providerName}: ${action.action} (${action.owner})`,
      dueOn: action.dueOn,
      link: `/qa/visits/${action.visitId}`,
      schoolId: action.schoolId,
      schoolName: action.schoolName,
    },
  ];
}

/** A member of staff's yearly training-needs review, shown from two weeks before it falls due. */
export function trainingReviewObligations(
  staff: ObligationPlace & { name: string; nextReviewOn: string },
  today: string,
): Obligation[] {
  if (staff.nextReviewOn > addDays(today, TRAINING_REVIEW_NOTICE_DAYS)) return [];
  return [
    {
      kind: 'training_review',
      title: `Training-needs review for ${staff.name}`,
      dueOn: staff.nextReviewOn,
      link: '/training',
      schoolId: staff.schoolId,
      schoolName: staff.schoolName,
    },
  ];
}

/** The policy's review, once it is due soon or overdue; a group without a policy on record has none. */
export function policyReviewObligations(
  current: { policyNumber: string; issueNumber: string; nextReviewOn: string } | null,
  today: string,
): Obligation[] {
  if (!current || policyReviewState(current.nextReviewOn, today) === 'in_date') return [];
  return [
    {
      kind: 'policy_review',
      title: `Review the AP policy (${current.policyNumber}, issue ${current.issueNumber})`,
      dueOn: current.nextReviewOn,
      link: '/policy',
      ...acrossTheGroup,
    },
  ];
}

/** The report to governors for the term under way, due on the term's last day; none between terms. */
export function governorsReportObligations(
  school: { id: string; name: string },
  halfTerms: readonly QaTerm[],
  today: string,
): Obligation[] {
  const current = termsOf(halfTerms).find((t) => t.startsOn <= today && t.endsOn >= today);
  if (!current) return [];
  return [
    {
      kind: 'governors_report',
      title: `${school.name}: the ${current.term} ${current.academicYear} report to governors`,
      dueOn: current.endsOn,
      link: '/reports/governors',
      schoolId: school.id,
      schoolName: school.name,
    },
  ];
}
