/**
 * Chapter 6: attendance since September (policy §9). Each provider sends its registers through the
 * portal (Compass from its own system, with an API key), on time or, at Kingsway and Summit, often
 * late. Pupils follow patterns a school knows: most attend steadily; one drifts away after the
 * October break; some are persistently absent and a few severely. An absence with no reason opens a
 * first-day call, which the school makes and closes with the reason found, escalating for the pupil
 * who is most often missing; the last school day's calls are still open. Waymark opens an intervention
 * when a placement falls below its target, and the school plans and reviews each one on Fridays.
 */
import {
  type AbsenceReason,
  addDays,
  createSchoolCalendar,
  dayOfWeek,
  expectedSessions,
  type IsoDate,
  isRegisteredSetting,
  type ProviderMark,
  registrationFor,
  shippedBankHolidays,
  toDayNumber,
} from '@waymark/domain';
import { interventionBodySchema } from '@waymark/domain/contracts/attendance';
import { actorForApiKey, createApiKey } from '../../attendance/api-keys.ts';
import {
  callStepBodySchema,
  closeCallBodySchema,
  submitRegisterBodySchema,
} from '../../attendance/attendance.routes.ts';
import { attendanceBoard, closeCall, logCallStep } from '../../attendance/board.usecases.ts';
import { openInterventions, updateIntervention } from '../../attendance/interventions.usecases.ts';
import { submitRegister } from '../../attendance/register.usecases.ts';
import { demoTermDatesAround, demoYearStart } from '../demo-calendar.ts';
import { type PlacementSchedule, placementSchedules } from './placements.ts';
import { livingProviders } from './provider-directory.ts';
import { livingSchools } from './trust.ts';
import { actorOf, asEntered, type DemoWorld, idOf, laterBy, londonInstant, plan } from './world.ts';

type Pattern = 'steady' | 'declining' | 'persistent' | 'severe';

/** How the running placements attend, in turn: mostly steady, with each kind of worry among them. */
const patterns: Pattern[] = ['steady', 'steady', 'declining', 'persistent', 'steady', 'severe'];

/** The provider that sends registers from its own system, not the portal. */
const SENDS_BY_API = 'compass';
/** Providers that often send after the time their SLA agrees, and how often. */
const lateSenders: Record<string, number> = { kingsway: 0.4, summit: 0.25 };

/** An absence the provider could give no reason for: the school has a first-day call to make. */
interface Unexplained {
  placement: PlacementSchedule;
  date: IsoDate;
  session: 'am' | 'pm';
  pattern: Pattern;
}

interface Mark {
  placementKey: string;
  mark: ProviderMark;
  reason?: AbsenceReason;
}

export function planAttendance(world: DemoWorld) {
  const yearStart = demoYearStart(world.today);
  const years = demoTermDatesAround(world.today);
  const calendar = createSchoolCalendar({
    halfTerms: years.flatMap((y) => y.halfTerms),
    closureDays: years.flatMap((y) => y.closureDays),
    bankHolidays: shippedBankHolidays,
  });
  const running = placementSchedules(world).filter(
    (p) => (p.story.stage === 'active' || p.story.stage === 'recent') && p.startsOn <= world.today,
  );
  const apiKey = planApiKey(world, yearStart);

  // Every expected session from each start to today, grouped into the registers providers send.
  const registers = new Map<
    string,
    { provider: string; date: IsoDate; session: 'am' | 'pm'; marks: Mark[] }
  >();
  const unexplained: Unexplained[] = [];
  const termDays = Math.max(1, toDayNumber(world.today) - toDayNumber(yearStart));
  for (const [j, placement] of running.entries()) {
    const pattern: Pattern =
      placement.story.type === 'suspension_cover' ? 'steady' : patterns[j % patterns.length]!;
    const sessions = expectedSessions({
      calendar,
      sessions: placement.sessions,
      startsOn: placement.startsOn,
      endsOn: placement.plannedEndOn,
      from: yearStart,
      to: world.today,
    });
    for (const [n, { date, session }] of sessions.entries()) {
      const progress = (toDayNumber(date) - toDayNumber(yearStart)) / termDays;
      const mark = markFor(pattern, n, progress, world.random);
      const key = `${placement.story.provider} ${date} ${session}`;
      const register = registers.get(key) ?? { provider: placement.story.provider, date, session, marks: [] };
      register.marks.push({ placementKey: placement.key, ...mark });
      registers.set(key, register);
      // Where the pupil is dual registered the provider's own register holds the absence (code D).
      if (mark.reason === 'unknown' && !dualRegistered(placement.story.provider))
        unexplained.push({ placement, date, session, pattern });
    }
  }

  const sentAt = new Map<string, string>();
  for (const [key, register] of registers) {
    const time = returnTime(world, register.provider, register.session);
    // Today's registers come in through the morning and afternoon: those not yet due are not in.
    if (londonInstant(register.date, time) > world.now) continue;
    sentAt.set(key, time);
    plan(world, register.date, time, `send the ${register.session} register of ${register.provider}`, () =>
      sendRegister(world, register, time, apiKey),
    );
  }
  planFirstDayCalls(world, unexplained, sentAt);
  planInterventionReviews(world, yearStart);
}

function dualRegistered(providerKey: string): boolean {
  const { settingType, dfeNumber } = livingProviders.find((p) => p.key === providerKey)!.details;
  return registrationFor(isRegisteredSetting(settingType, dfeNumber ?? null)).kind === 'dual';
}

/** One session's mark for a pupil following `pattern`, `n` sessions into the placement. */
function markFor(
  pattern: Pattern,
  n: number,
  progress: number,
  random: () => number,
): Omit<Mark, 'placementKey'> {
  const roll = random();
  const pick = (reasons: [AbsenceReason, number][]) => {
    let r = random();
    for (const [reason, weight] of reasons) {
      r -= weight;
      if (r < 0) return reason;
    }
    return reasons.at(-1)![0];
  };
  const absenceChance =
    pattern === 'steady'
      ? n < 6
        ? 0
        : 0.04
      : pattern === 'declining'
        ? progress < 0.45
          ? 0.02
          : 0.1 + (progress - 0.45) * 0.8
        : pattern === 'persistent'
          ? n < 4
            ? 0
            : 0.17
          : n < 2
            ? 0
            : 0.55;
  if (roll < absenceChance) {
    const reason =
      pattern === 'steady'
        ? pick([
            ['illness', 0.7],
            ['unknown', 0.2],
            ['medical', 0.1],
          ])
        : pattern === 'severe'
          ? pick([
              ['unknown', 0.6],
              ['other_unauthorised', 0.4],
            ])
          : pick([
              ['unknown', 0.4],
              ['illness', 0.35],
              ['other_unauthorised', 0.15],
              ['medical', 0.1],
            ]);
    return { mark: 'absent', reason };
  }
  return { mark: roll < absenceChance + 0.06 ? 'late' : 'present' };
}

/** When a provider sends a session's register (London time): a little before it is due, unless late. */
function returnTime(world: DemoWorld, provider: string, session: 'am' | 'pm'): string {
  const late = world.random() < (lateSenders[provider] ?? 0);
  const k = livingProviders.findIndex((p) => p.key === provider);
  return laterBy(session === 'am' ? '09:20' : '13:35', (k % 4) * 7 + (late ? 95 : 0));
}

/** Compass's own system sends its registers with a key Oakfield's AP lead issues before term. */
function planApiKey(world: DemoWorld, yearStart: IsoDate) {
  const holder: { key?: string } = {};
  const on = addDays(yearStart, -3);
  plan(world, on, '10:00', `issue an API key to ${SENDS_BY_API}`, async () => {
    const made = await createApiKey({
      db: world.db,
      actor: actorOf(world, 'aplead@oakfield.example'),
      ipAddress: null,
      providerId: idOf(world, SENDS_BY_API),
      name: 'Compass register system',
    });
    holder.key = made.key;
  });
  return holder;
}

async function sendRegister(
  world: DemoWorld,
  register: { provider: string; date: IsoDate; session: 'am' | 'pm'; marks: Mark[] },
  time: string,
  apiKey: { key?: string },
) {
  const now = londonInstant(register.date, time);
  const byApi = register.provider === SENDS_BY_API;
  const actor = byApi
    ? await actorForApiKey(world.db, `Bearer ${apiKey.key}`, now)
    : actorOf(world, `staff@${register.provider}.example`);
  const body = asEntered(submitRegisterBodySchema, {
    date: register.date,
    session: register.session,
    marks: register.marks.map((m) => ({
      placementId: idOf(world, m.placementKey),
      mark: m.mark,
      ...(m.reason ? { reason: m.reason } : {}),
    })),
  });
  await submitRegister({
    db: world.db,
    actor,
    ipAddress: null,
    ...body,
    now,
    today: register.date,
    source: byApi ? 'api' : 'portal',
  });
}

/** Who makes a school's calls and plans its interventions: its attendance officer, or its AP lead. */
function attendanceLead(world: DemoWorld, school: string) {
  return world.actors.get(`attendance@${school}.example`) ?? actorOf(world, `aplead@${school}.example`);
}

/**
 * The school's first-day call for each unexplained absence, once the day's registers are in: the
 * reason is found and the call closed, the N becoming its code. For the pupil who is most often
 * missing, every third call escalates to the DSL and a home visit. The last few days' calls are
 * still open, some after a call with no answer.
 */
function planFirstDayCalls(world: DemoWorld, unexplained: Unexplained[], sentAt: Map<string, string>) {
  // The calls of the last few days are still being made: their N codes are still to resolve.
  const lastDay = unexplained
    .map((u) => u.date)
    .sort()
    .at(-1);
  const stillOpenFrom = lastDay && lastDay < addDays(world.today, -4) ? lastDay : addDays(world.today, -4);
  // One call a day for each pupil, made once the day's last unexplained session is in.
  const byDay = new Map<string, Unexplained>();
  for (const u of unexplained) byDay.set(`${u.placement.key} ${u.date}`, u);
  let stillOpen = 0;
  for (const [n, u] of [...byDay.values()].entries()) {
    const sent = sentAt.get(`${u.placement.story.provider} ${u.date} ${u.session}`);
    if (!sent) continue;
    const callAt = laterBy(sent, 40);
    const school = u.placement.story.school;
    const step = (kind: CallStep, outcome: string, safeAndWell: boolean, minutes: number) =>
      callStep(world, school, u, kind, outcome, safeAndWell, laterBy(callAt, minutes));
    if (u.date >= stillOpenFrom) {
      if (stillOpen++ % 2 === 0 && londonInstant(u.date, callAt) <= world.now)
        plan(world, u.date, callAt, `call about ${u.placement.key}'s absence`, () =>
          step('call', 'No answer; voicemail left asking the parent to ring the school', false, 0),
        );
      continue;
    }
    const escalate = u.pattern === 'severe' && n % 3 === 0;
    plan(world, u.date, callAt, `make the first-day call about ${u.placement.key}`, async () => {
      if (escalate) {
        await step('call', 'No answer on either number', false, 0);
        await step('dsl_informed', 'DSL told: another unexplained absence this fortnight', false, 20);
        await step('home_visit', 'Seen at home with a parent; overslept after a late night', true, 150);
        await close(
          world,
          school,
          u,
          'other_unauthorised',
          'Home visit: no good reason given',
          laterBy(callAt, 160),
        );
        return;
      }
      const ill = n % 2 === 0;
      await step(
        'call',
        ill
          ? 'Spoke to the parent: unwell today, back tomorrow'
          : 'Spoke to the parent: stayed at home, no good reason',
        true,
        0,
      );
      await close(
        world,
        school,
        u,
        ill ? 'illness' : 'other_unauthorised',
        'Reason given by the parent on the call',
        laterBy(callAt, 5),
      );
    });
  }
}

type CallStep = 'call' | 'dsl_informed' | 'home_visit';

async function findCall(
  world: DemoWorld,
  school: string,
  u: { placement: PlacementSchedule; date: IsoDate },
  now: Date,
) {
  const actor = attendanceLead(world, school);
  const board = await attendanceBoard({ db: world.db, actor, date: u.date, now });
  const placementId = idOf(world, u.placement.key);
  const call = board.calls.find((c) => c.placementId === placementId && c.date === u.date);
  if (!call) throw new Error(`No first-day call was opened for ${u.placement.key} on ${u.date}`);
  return { actor, callId: call.id };
}

async function callStep(
  world: DemoWorld,
  school: string,
  u: { placement: PlacementSchedule; date: IsoDate },
  step: CallStep,
  outcome: string,
  safeAndWell: boolean,
  time: string,
) {
  const now = londonInstant(u.date, time);
  const { actor, callId } = await findCall(world, school, u, now);
  const input = asEntered(callStepBodySchema, {
    step,
    called: step === 'call' ? 'Parent' : step === 'dsl_informed' ? 'DSL' : '',
    number: step === 'call' ? '07700 900123' : '',
    outcome,
    safeAndWell,
  });
  await logCallStep({ db: world.db, actor, ipAddress: null, callId, input, now });
}

async function close(
  world: DemoWorld,
  school: string,
  u: { placement: PlacementSchedule; date: IsoDate },
  reasonFound: AbsenceReason,
  note: string,
  time: string,
) {
  const now = londonInstant(u.date, time);
  const { actor, callId } = await findCall(world, school, u, now);
  const input = asEntered(closeCallBodySchema, { reasonFound, note });
  await closeCall({ db: world.db, actor, ipAddress: null, callId, input, now });
}

/**
 * On Fridays each school gives its new interventions an action, an owner and a review in a fortnight,
 * and closes those whose review has come.
 */
function planInterventionReviews(world: DemoWorld, yearStart: IsoDate) {
  for (let day = addDays(yearStart, 11); day < world.today; day = addDays(day, 1)) {
    if (dayOfWeek(day) !== 5) continue;
    for (const school of livingSchools)
      plan(world, day, '12:30', `review ${school.key}'s attendance interventions`, async () => {
        const actor = attendanceLead(world, school.key);
        const command = { db: world.db, actor, ipAddress: null };
        for (const intervention of await openInterventions(command)) {
          if (intervention.action === null) {
            const input = asEntered(interventionBodySchema, {
              action:
                intervention.attendancePercentAtOpening < 60
                  ? 'Meeting with the pupil and parent; a daily text home; a referral to early help considered'
                  : 'Weekly check-in with the key worker; the parent told of each missed session',
              owner: actor.displayName,
              reviewOn: addDays(day, 14),
            });
            await updateIntervention({ ...command, interventionId: intervention.id, input });
          } else if (intervention.reviewOn && intervention.reviewOn <= day) {
            const input = asEntered(interventionBodySchema, {
              outcome: 'Reviewed with the pupil and parent: attendance is being followed week by week',
            });
            await updateIntervention({ ...command, interventionId: intervention.id, input });
          }
        }
      });
  }
}
