/**
 * Chapter 4: placements. Each school's AP lead refers pupils, agrees the plan with them and their
 * parents, and starts the placement when every check is met, on the day it starts. Placements of every
 * kind run this year (commissioned AP, off-site directions with their notice, managed moves, education
 * from the sixth day of a suspension; those at registered schools are dual registered); others are still
 * referrals at each stage; last year's ended, and last summer's leavers' destinations are followed
 * month by month.
 */
import {
  addDays,
  dayOfWeek,
  type HalfTerm,
  type IsoDate,
  leavingSchema,
  type PlacementType,
  type TimetableSession,
} from '@waymark/domain';
import { createPlacementSchema, endSchema, planSchema } from '@waymark/domain/contracts/placements';
import { endPlacement, startPlacement } from '../../placements/placement-lifecycle.ts';
import { createPlacement, getPlacement, savePlan } from '../../placements/placements.usecases.ts';
import { sendReferral } from '../../placements/sharing.usecases.ts';
import { getProvider } from '../../providers/providers.usecases.ts';
import { getPupil, recordLeaving } from '../../pupils/pupils.usecases.ts';
import { demoTermDatesFor, demoYearStart } from '../demo-calendar.ts';
import { completeDemoReview, planDestination, planDirectionReviews } from './placement-follow-up.ts';
import { leaverKey, pupilKey } from './pupils.ts';
import { actorOf, asEntered, type DemoWorld, idOf, plan } from './world.ts';

/**
 * Where a placement's story has reached today: running since September (or since a few weeks ago);
 * ended last year; or a referral just made, being planned, or planned and waiting to start.
 */
type Stage = 'active' | 'recent' | 'ended' | 'referred' | 'planning' | 'ready';

interface PlacementStory {
  school: string;
  /** A pupil's number at the school, or a leaver's ("L1"). */
  pupil: number | `L${number}`;
  provider: string;
  type: PlacementType;
  stage: Stage;
  /** Started on the first day of the autumn term, not in the weeks after. */
  fromFirstDay?: boolean;
}

const story = (
  school: string,
  pupil: PlacementStory['pupil'],
  provider: string,
  stage: Stage,
  type: PlacementType = 'commissioned_ap',
): PlacementStory => ({ school, pupil, provider, type, stage });

export const livingPlacements: PlacementStory[] = [
  story('riverside', 2, 'bridges', 'active'),
  story('riverside', 3, 'bridges', 'active'),
  story('riverside', 4, 'bridges', 'active'),
  story('riverside', 5, 'bridges', 'active', 'off_site_direction'),
  story('riverside', 6, 'northbank', 'active'),
  story('riverside', 7, 'northbank', 'active'),
  story('riverside', 8, 'harbour', 'active'),
  story('riverside', 9, 'summit', 'active'),
  { ...story('riverside', 10, 'kingsway', 'active'), fromFirstDay: true },
  story('riverside', 11, 'bridges', 'recent', 'suspension_cover'),
  story('riverside', 1, 'bridges', 'ready'),
  story('riverside', 12, 'elmtree', 'planning'),
  story('riverside', 13, 'northbank', 'referred'),
  story('riverside', 'L1', 'northbank', 'ended'),
  story('riverside', 'L2', 'bridges', 'ended'),
  story('riverside', 'L3', 'ironworks', 'ended'),
  story('oakfield', 1, 'compass', 'active'),
  story('oakfield', 2, 'compass', 'active'),
  story('oakfield', 3, 'ironworks', 'active'),
  story('oakfield', 4, 'ironworks', 'active', 'off_site_direction'),
  story('oakfield', 5, 'northbank', 'active', 'local_authority'),
  story('oakfield', 6, 'crossroads', 'ready'),
  story('oakfield', 7, 'ironworks', 'referred'),
  story('oakfield', 'L1', 'ironworks', 'ended'),
  story('oakfield', 'L2', 'compass', 'ended'),
  story('meadowbank', 1, 'compass', 'active'),
  story('meadowbank', 2, 'compass', 'active'),
  story('meadowbank', 3, 'ironworks', 'active'),
  story('meadowbank', 4, 'harbour', 'active', 'managed_move'),
  story('meadowbank', 5, 'compass', 'recent', 'suspension_cover'),
  story('meadowbank', 6, 'ironworks', 'planning'),
  story('meadowbank', 'L1', 'northbank', 'ended'),
  story('hillview', 1, 'harbour', 'active'),
  story('hillview', 2, 'harbour', 'active'),
  story('hillview', 3, 'bridges', 'active'),
  story('hillview', 4, 'compass', 'active', 'managed_move'),
  story('hillview', 'L1', 'harbour', 'ended'),
  story('larchwood', 1, 'compass', 'active'),
  story('larchwood', 2, 'ironworks', 'active'),
  story('larchwood', 3, 'ironworks', 'ready'),
  story('larchwood', 'L1', 'ironworks', 'ended'),
  story('brookside', 1, 'compass', 'active'),
  story('brookside', 2, 'compass', 'active'),
  story('brookside', 3, 'compass', 'referred'),
  story('brookside', 4, 'greenway', 'planning'),
];

const reasons: Record<PlacementType, string> = {
  commissioned_ap: 'Struggling in full-time mainstream lessons; a small practical setting part of the week',
  off_site_direction: 'Directed off-site to improve behaviour after repeated suspensions',
  managed_move: 'A fresh start agreed with the family, as an alternative to exclusion',
  suspension_cover: 'Full-time education from the sixth day of a suspension',
  local_authority: 'Medical needs: the local authority arranged tuition while the pupil stays on roll',
};

const earliest = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** The first Monday on or after `date` that is in term (the start of the next half-term if not). */
function termMonday(date: IsoDate, halfTerms: HalfTerm[]): IsoDate {
  const monday = addDays(date, (8 - dayOfWeek(date)) % 7);
  if (halfTerms.some((h) => h.startsOn <= monday && monday <= h.endsOn)) return monday;
  const next = halfTerms.find((h) => h.startsOn > monday)!;
  return addDays(next.startsOn, (8 - dayOfWeek(next.startsOn)) % 7);
}

const academicYearOfHalfTerm = (date: IsoDate, halfTerms: HalfTerm[]) =>
  halfTerms.find((h) => h.startsOn <= date && date <= h.endsOn)!.academicYear;

/** The end of Spring 2 after `date` in the same school year, if the year has one still to come. */
function spring2EndAfter(date: IsoDate, halfTerms: HalfTerm[]): IsoDate | null {
  const year = academicYearOfHalfTerm(date, halfTerms);
  const spring2 = halfTerms.find((h) => h.academicYear === year && h.term === 'spring' && h.half === 2)!;
  return spring2.endsOn > date ? spring2.endsOn : null;
}

/** Part-time timetables, a different pattern of days for neighbouring placements. */
const partTime: TimetableSession[][] = [
  [
    { day: 'tue', session: 'am', hours: 3, startsAt: '09:00', endsAt: '12:00' },
    { day: 'tue', session: 'pm', hours: 2.5, startsAt: '13:00', endsAt: '15:30' },
    { day: 'thu', session: 'am', hours: 3, startsAt: '09:00', endsAt: '12:00' },
  ],
  [
    { day: 'mon', session: 'am', hours: 3, startsAt: '09:00', endsAt: '12:00' },
    { day: 'mon', session: 'pm', hours: 2.5, startsAt: '13:00', endsAt: '15:30' },
    { day: 'wed', session: 'am', hours: 3, startsAt: '09:00', endsAt: '12:00' },
  ],
  [
    { day: 'wed', session: 'pm', hours: 2.5, startsAt: '13:00', endsAt: '15:30' },
    { day: 'fri', session: 'am', hours: 3, startsAt: '09:00', endsAt: '12:00' },
    { day: 'fri', session: 'pm', hours: 2, startsAt: '13:00', endsAt: '15:00' },
  ],
];

/** Full-time, every session of the week: education from the sixth day of a suspension. */
const fullTime: TimetableSession[] = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).flatMap((day) => [
  { day, session: 'am' as const, hours: 3, startsAt: '09:00', endsAt: '12:00' },
  { day, session: 'pm' as const, hours: 2, startsAt: '13:00', endsAt: '15:00' },
]);

export interface PlacementSchedule {
  key: string;
  story: PlacementStory;
  pupil: string;
  startsOn: IsoDate;
  plannedEndOn: IsoDate;
  sessions: TimetableSession[];
}

/**
 * When each placement starts and is planned to end, and its timetable: worked out once, for the
 * placements chapter to plan and the attendance chapter to know who is expected where.
 */
export function placementSchedules(world: DemoWorld): PlacementSchedule[] {
  const { yearStart, thisYear, lastYearStart, lastYear, halfTerms } = demoYears(world);
  return livingPlacements.map((s, i) => {
    const pupil =
      typeof s.pupil === 'number'
        ? pupilKey(s.school, s.pupil)
        : leaverKey(s.school, Number(s.pupil.slice(1)));
    // Staggered starts: the second to fourth Monday of the year; a recent one three weeks ago; a
    // planned one next week (each moved on to the next term day if it falls in a holiday).
    const startsOn = s.fromFirstDay
      ? thisYear[0]!.startsOn
      : termMonday(
          s.stage === 'ended'
            ? addDays(lastYearStart, 7 + 7 * (i % 3))
            : s.stage === 'recent'
              ? earliest(addDays(world.today, -21), addDays(thisYear[5]!.endsOn, -25))
              : s.stage === 'active'
                ? addDays(yearStart, 7 + 7 * (i % 3))
                : addDays(world.today, 8),
          halfTerms,
        );
    const year = academicYearOfHalfTerm(startsOn, halfTerms);
    const endOfYear = halfTerms.filter((h) => h.academicYear === year).at(-1)!;
    const plannedEndOn =
      s.stage === 'ended'
        ? lastYear[5]!.endsOn
        : s.type === 'suspension_cover'
          ? addDays(startsOn, 25)
          : (spring2EndAfter(startsOn, halfTerms) ?? endOfYear.endsOn);
    const sessions = s.type === 'suspension_cover' ? fullTime : partTime[i % partTime.length]!;
    return { key: `placement-${i + 1}`, story: s, pupil, startsOn, plannedEndOn, sessions };
  });
}

function demoYears(world: DemoWorld) {
  const yearStart = demoYearStart(world.today);
  const startYear = Number(yearStart.slice(0, 4));
  const thisYear = demoTermDatesFor(startYear).halfTerms;
  const lastYearStart = demoYearStart(addDays(yearStart, -1));
  const lastYear = demoTermDatesFor(startYear - 1).halfTerms;
  const halfTerms = [...lastYear, ...thisYear, ...demoTermDatesFor(startYear + 1).halfTerms];
  return { yearStart, thisYear, lastYearStart, lastYear, halfTerms };
}

export function planPlacements(world: DemoWorld) {
  const { yearStart, lastYear, halfTerms } = demoYears(world);
  const schedules = placementSchedules(world);
  // Some targets have a date: a few passed last week with no review since (overdue), a few are close.
  const targetDateOf = (i: number) => {
    if (schedules[i]!.story.stage !== 'active') return undefined;
    const on = i % 6 === 0 ? addDays(world.today, -10) : i % 6 === 3 ? addDays(world.today, 10) : undefined;
    return on && on > addDays(schedules[i]!.startsOn, 14) ? on : undefined;
  };
  for (const [i, { key, story: s, pupil, startsOn, plannedEndOn, sessions }] of schedules.entries()) {
    // Referred a fortnight and planned ten days before the start, or just before today if it is later.
    const referredOn = earliest(addDays(startsOn, -14), addDays(world.today, -5 - (i % 5)));
    const plannedOn = earliest(addDays(startsOn, -10), addDays(world.today, -2));
    const lead = `aplead@${s.school}.example`;
    const as = () => ({ db: world.db, actor: actorOf(world, lead), ipAddress: null });

    plan(world, referredOn, '11:00', `refer ${pupil} (${key})`, async () => {
      const input = asEntered(createPlacementSchema, {
        pupilId: idOf(world, pupil),
        providerId: idOf(world, s.provider),
        type: s.type,
        reason: reasons[s.type],
      });
      const made = await createPlacement({ ...as(), today: referredOn, input });
      world.ids.set(key, made.id);
    });
    if (s.stage === 'referred') continue;

    plan(world, plannedOn, '14:00', `plan ${key}`, async () => {
      const placementId = idOf(world, key);
      const { version } = await getPlacement({ ...as(), today: plannedOn, placementId });
      const agreed = s.stage !== 'planning';
      const body = asEntered(planSchema, {
        version,
        reason: reasons[s.type],
        startsOn,
        plannedEndOn,
        agreement: agreed
          ? {
              discussedOn: addDays(plannedOn, -1),
              withWhom: 'The pupil and their parent or carer, with the AP lead',
              how: 'A meeting at school',
              pupilView: 'Keen to try somewhere smaller and more practical',
              agreed: true,
              voluntaryConsent: s.type === 'managed_move',
            }
          : null,
        objectives: [
          {
            id: 'o1',
            text: 'Attend every session',
            timeline: 'Each half-term',
            successCriteria: 'Attendance of 90% or more',
          },
          {
            id: 'o2',
            text: 'Keep up English and maths',
            timeline: 'By the end of the placement',
            successCriteria: 'Work set by school completed',
          },
        ],
        reintegrationTargets: [
          {
            id: 'r1',
            text: 'Return to school lessons one day a week',
            timeline: 'Next half-term',
            post16Link: 'Builds the routine college will expect',
            ...(targetDateOf(i) ? { targetDate: targetDateOf(i) } : {}),
          },
        ],
        induction: 'A visit with a parent before the first day; a named key worker',
        sessions,
        // One pupil builds up from a reduced timetable agreed with the parents, its review date not set.
        reducedTimetable:
          key === placementKeyOf('riverside', 6) ? reducedFor(sessions, plannedOn, halfTerms) : null,
        costPence: 4500,
        costPer: 'session',
        funding: 'School budget (AP)',
        maximumDays: s.type === 'off_site_direction' ? 60 : null,
        // Written notice to the parents a week before an off-site direction starts.
        noticeGivenOn: s.type === 'off_site_direction' ? plannedOn : null,
      });
      await savePlan({ ...as(), today: plannedOn, placementId, plan: body });
    });
    // Once agreed, the AP lead sends the referral, if the provider is approved that day: only then
    // does the provider see the pupil. On the first day it is sent, if it was not, and started.
    if (s.stage === 'planning') continue;
    plan(world, plannedOn, '15:00', `send ${key}`, async () => {
      const provider = await getProvider({ ...as(), providerId: idOf(world, s.provider), today: plannedOn });
      if (provider.status === 'approved')
        await sendReferral({ ...as(), today: plannedOn, placementId: idOf(world, key) });
    });
    if (s.stage === 'ready') continue;

    // On the first days of term a September start has not come yet: it waits, planned, like `ready`.
    if (startsOn > world.today) continue;
    plan(world, startsOn, '08:30', `start ${key}`, async () => {
      await sendReferral({ ...as(), today: startsOn, placementId: idOf(world, key) });
      await startPlacement({ ...as(), today: startsOn, placementId: idOf(world, key) });
    });
    if (s.type === 'off_site_direction') planDirectionReviews(world, key, startsOn, lead, s.school);
    // Each half-termly review is done in the last week of its half-term; at Summit, whose cover ran
    // out, the latest one has been let slip.
    const reviewedUpTo = s.stage === 'ended' ? lastYear[5]!.endsOn : addDays(world.today, -1);
    const due = halfTerms.filter((h) => h.endsOn > startsOn && h.endsOn <= reviewedUpTo);
    for (const [n, h] of due.entries()) {
      if (s.provider === 'summit' && n === due.length - 1) continue;
      const on = earliest(addDays(h.endsOn, -2), reviewedUpTo);
      if (on < startsOn) continue;
      const latest = n === due.length - 1 && s.stage !== 'ended';
      plan(world, on, '13:00', `review ${key} for ${h.term} ${h.half}`, () =>
        completeDemoReview(world, lead, key, h.endsOn, on, i + n, latest && i % 4 === 0),
      );
    }
    if (s.stage !== 'ended') continue;

    const endedOn = lastYear[5]!.endsOn;
    plan(world, endedOn, '15:30', `end ${key}`, () =>
      endPlacement({
        ...as(),
        today: endedOn,
        placementId: idOf(world, key),
        input: asEntered(endSchema, {
          endedOn,
          reason: 'Completed Year 11 and left school',
          outcome: 'post_16',
        }),
      }),
    );
    planDestination(world, key, i, yearStart, lead);
    if (key === placementKeyOf('riverside', 'L3')) planLateLeaving(world, key, pupil, endedOn, lead);
  }
}

/**
 * A leaver's move to another school recorded only this term, dated four days before the placement
 * was ended: the placement runs past the day they left, a census 2372 error and a duty for the AP lead.
 */
function planLateLeaving(world: DemoWorld, key: string, pupil: string, endedOn: IsoDate, lead: string) {
  const on = addDays(world.today, -12);
  plan(world, on, '10:00', `${pupil} left the roll (${key})`, async () => {
    const actor = actorOf(world, lead);
    const pupilId = idOf(world, pupil);
    const { version } = await getPupil({ db: world.db, actor, ipAddress: null, pupilId, today: on });
    await recordLeaving({
      db: world.db,
      actor,
      ipAddress: null,
      pupilId,
      today: on,
      input: asEntered(leavingSchema, {
        leftOn: addDays(endedOn, -4),
        reason: 'moved_school',
        note: 'Moved to a school nearer the family’s new home; told us in September',
        version,
      }),
    });
  });
}

/** Two afternoons the pupil is expected nowhere, agreed to the end of the second half-term after. */
function reducedFor(sessions: readonly TimetableSession[], agreedOn: IsoDate, halfTerms: HalfTerm[]) {
  const free = (['wed', 'fri', 'thu', 'tue', 'mon'] as const).filter(
    (day) => !sessions.some((s) => s.day === day && s.session === 'pm'),
  );
  const next = halfTerms.filter((h) => h.startsOn > agreedOn)[1] ?? halfTerms.at(-1)!;
  return {
    sessions: free.slice(0, 2).map((day) => ({ day, session: 'pm' as const })),
    agreedWithParentsOn: agreedOn,
    reason: 'Anxiety about full days: afternoons at home with work set, building up to full days',
    endsOn: next.endsOn,
    reviewOn: null,
  };
}

/** The key of a school's placement for its pupil number `pupil` (the first, if the pupil has several). */
export function placementKeyOf(school: string, pupil: PlacementStory['pupil']): string {
  const i = livingPlacements.findIndex((s) => s.school === school && s.pupil === pupil);
  if (i < 0) throw new Error(`The demo has no placement for ${school} pupil ${pupil}`);
  return `placement-${i + 1}`;
}
