/**
 * The "what is due" board (policy §5.1, §5.2, §13): every duty the other capabilities create, as one
 * kind of thing with a due date, an owner and a link to where it is done. Each capability contributes
 * obligations of its kinds; this module orders them and counts them per school.
 */

import type { RoleName } from '../access/roles.ts';
import { addDays } from '../calendar/iso-date.ts';

export const obligationKinds = {
  provider_renewal: { label: 'Provider evidence to renew', owner: 'ap_lead' },
  provider_sign_off: { label: 'Provider ready for approval', owner: 'headteacher' },
  provider_letter_after_change: {
    label: 'New safeguarding letter after a change of leads',
    owner: 'ap_lead',
  },
  referral_check: { label: 'Referral not ready to start', owner: 'ap_lead' },
  reduced_timetable: { label: 'Reduced timetable to end or review', owner: 'ap_lead' },
  off_roll_placement: { label: 'Placement continuing after the pupil left the roll', owner: 'ap_lead' },
  placement_review: { label: 'Half-termly placement review', owner: 'ap_lead' },
  ehcp_review: { label: 'EHCP review to arrange', owner: 'ap_lead' },
  reintegration_target: { label: 'Reintegration target date', owner: 'ap_lead' },
  first_day_call: { label: 'First-day call', owner: 'attendance_officer' },
  unresolved_n: { label: 'N code to resolve', owner: 'attendance_officer' },
  intervention: { label: 'Attendance intervention to review', owner: 'attendance_officer' },
  incident_triage: { label: 'Concern or incident to triage', owner: 'dsl' },
  incident_action: { label: 'Action on a concern or incident', owner: 'dsl' },
  qa_visit: { label: 'Termly QA visit', owner: 'ap_lead' },
  qa_action: { label: 'QA action agreed with a provider', owner: 'ap_lead' },
  voice_request: { label: 'Pupil or parent voice to send', owner: 'ap_lead' },
  training_review: { label: 'Training-needs review', owner: 'ap_lead' },
  policy_review: { label: 'AP policy annual review', owner: 'trust_admin' },
  off_site_direction_end: { label: 'Off-site direction reaching its agreed maximum', owner: 'headteacher' },
  off_site_direction_review: {
    label: 'Governing board review of an off-site direction',
    owner: 'headteacher',
  },
  governors_report: { label: "Termly governors' report", owner: 'headteacher' },
} as const satisfies Record<string, { label: string; owner: RoleName }>;

export type ObligationKind = keyof typeof obligationKinds;

export interface Obligation {
  kind: ObligationKind;
  /** What is due, in words: "Spring review of Jordan Reeve at Harbour Learning". */
  title: string;
  dueOn: string;
  /** The page where it is done. */
  link: string;
  schoolId: string | null;
  schoolName: string | null;
}

/** Where an obligation belongs: a school, or the whole group (providers, the policy). */
export type ObligationPlace = Pick<Obligation, 'schoolId' | 'schoolName'>;

export const acrossTheGroup: ObligationPlace = { schoolId: null, schoolName: null };

export type Urgency = 'overdue' | 'today' | 'this_week' | 'later';

/** Overdue before today; due today; within the next seven days; later. */
export function urgencyOf(dueOn: string, today: string, weekAhead = addDays(today, 7)): Urgency {
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  if (dueOn <= weekAhead) return 'this_week';
  return 'later';
}

const rank: Record<Urgency, number> = { overdue: 0, today: 1, this_week: 2, later: 3 };

/** Code-unit order: ISO dates sort by it, and it is many times quicker than localeCompare on thousands. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Which part of the board to show: one school's items (or the group-wide ones) and how many. */
export interface BoardView {
  /** A school's id, `group` for duties of the whole group (providers, the policy), or all when absent. */
  school?: string | undefined;
  /** The most urgent this many; the counts and per-school figures still cover everything. */
  limit?: number | undefined;
  /** The schools the person looks after: each is counted, with nothing due or not. */
  schools?: readonly { id: string; name: string }[] | undefined;
  /**
   * The reader's roles: duties another role owns (the administrator's policy review on a headteacher's
   * board) are theirs to see but listed apart, "for others", and left out of the reader's counts.
   */
  roles?: readonly RoleName[] | undefined;
  /** Count the group's own duties (providers, the policy) as a row of their own: not for one school's staff. */
  groupRow?: boolean | undefined;
}

/**
 * The board: overdue first, then due today, then this week, then later; soonest first within each.
 * Counts cover the chosen school (or all); per-school figures cover everything, to choose a school by.
 * Duties another role owns are listed after the reader's own and left out of the counts (the reader's
 * badge); the per-school figures, for choosing a school, count every duty shown.
 */
export function arrangeObligations(obligations: readonly Obligation[], today: string, view: BoardView = {}) {
  const weekAhead = addDays(today, 7); // once, not per item: thousands of items on a group's board
  const mine = view.roles ? new Set(view.roles) : null;
  const all = obligations
    .map((o) => {
      const owner = obligationKinds[o.kind].owner;
      return {
        ...o,
        urgency: urgencyOf(o.dueOn, today, weekAhead),
        owner,
        forOthers: mine !== null && !mine.has(owner),
      };
    })
    // The reader's own duties first, most urgent first; then those for others, the same way.
    .sort(
      (a, b) =>
        Number(a.forOthers) - Number(b.forOthers) ||
        rank[a.urgency] - rank[b.urgency] ||
        byText(a.dueOn, b.dueOn) ||
        byText(a.title, b.title),
    );
  const perSchool = new Map<
    string,
    { schoolId: string | null; schoolName: string; overdue: number; total: number }
  >();
  for (const school of view.schools ?? [])
    perSchool.set(school.id, { schoolId: school.id, schoolName: school.name, overdue: 0, total: 0 });
  for (const item of all) {
    if (item.schoolId === null && view.groupRow === false) continue;
    const key = item.schoolId ?? 'group';
    const entry = perSchool.get(key) ?? {
      schoolId: item.schoolId,
      schoolName: item.schoolName ?? 'Across the group',
      overdue: 0,
      total: 0,
    };
    entry.total++;
    if (item.urgency === 'overdue') entry.overdue++;
    perSchool.set(key, entry);
  }
  const chosen = view.school ? all.filter((i) => (i.schoolId ?? 'group') === view.school) : all;
  const counts = { overdue: 0, today: 0, thisWeek: 0, later: 0, forOthers: 0 };
  for (const i of chosen)
    if (i.forOthers) counts.forOthers++;
    else counts[i.urgency === 'this_week' ? 'thisWeek' : i.urgency]++;
  return {
    items: view.limit === undefined ? chosen : chosen.slice(0, view.limit),
    total: chosen.length,
    counts,
    perSchool: [...perSchool.values()].sort(
      (a, b) => b.overdue - a.overdue || a.schoolName.localeCompare(b.schoolName),
    ),
  };
}
