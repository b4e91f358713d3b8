/**
 * Chapter 9: what pupils, parents and providers say (policy §7, §9). Each half-term the AP lead gives
 * every pupil a one-time link (a QR code on paper) and emails one to a parent; most answer, a few do
 * not. This half-term's answers are still coming in. Where an answer asked for something, the school
 * records "you said, we did". Providers send a progress report on each pupil at the end of the
 * half-term, bar Kingsway.
 */
import {
  addDays,
  createSchoolCalendar,
  type IsoDate,
  type Respondent,
  shippedBankHolidays,
  voiceAnswersSchema,
} from '@waymark/domain';
import { progressReportBodySchema } from '@waymark/domain/contracts/progress-reports';
import { voiceChangeBodySchema } from '@waymark/domain/contracts/voice';
import { sendProgressReport } from '../../progress-reports/progress-reports.usecases.ts';
import {
  answerVoiceForm,
  issueVoiceLink,
  placementVoice,
  recordVoiceChange,
} from '../../voice/voice.usecases.ts';
import { demoTermDatesAround, demoYearStart } from '../demo-calendar.ts';
import { type PlacementSchedule, placementSchedules } from './placements.ts';
import { actorOf, asEntered, type DemoWorld, idOf, londonInstant, plan } from './world.ts';

const changes: { n: number; youSaid: string; weDid: string }[] = [
  {
    n: 0,
    youSaid: 'Mornings are hard: the bus gets in after the start',
    weDid: 'Start moved to 09:30 on Tuesdays, agreed with the provider',
  },
  {
    n: 3,
    youSaid: 'Parent: we do not hear how the week went',
    weDid: 'The key worker now sends a short note home every Friday',
  },
  {
    n: 7,
    youSaid: 'Wants more time in the workshop and less in the classroom',
    weDid: 'Timetable changed at the review: two workshop sessions a week',
  },
];

export function planVoiceAndProgress(world: DemoWorld) {
  const years = demoTermDatesAround(world.today);
  const calendar = createSchoolCalendar({
    halfTerms: years.flatMap((y) => y.halfTerms),
    closureDays: years.flatMap((y) => y.closureDays),
    bankHolidays: shippedBankHolidays,
  });
  const yearStart = demoYearStart(world.today);
  // This year's half-terms so far: the ones that have ended, and the one running today.
  const halfTerms = years
    .flatMap((y) => y.halfTerms)
    .filter((h) => h.endsOn >= yearStart && h.startsOn <= world.today);
  const running = placementSchedules(world).filter(
    (p) => (p.story.stage === 'active' || p.story.stage === 'recent') && p.startsOn <= world.today,
  );
  for (const [n, placement] of running.entries()) {
    for (const half of halfTerms) {
      const current = half.endsOn >= world.today;
      // Asked a week before the half-term ends (this half-term: a few days ago), answered days later.
      let askedOn = current ? addDays(world.today, -4) : addDays(half.endsOn, -7);
      while (!calendar.isSchoolDay(askedOn) && askedOn > half.startsOn) askedOn = addDays(askedOn, -1);
      if (askedOn < placement.startsOn || askedOn < half.startsOn) continue;
      const answeredOn = addDays(askedOn, 2);
      const answers =
        n % 5 !== 4 && (!current || n % 2 === 0) && londonInstant(answeredOn, '18:30') <= world.now;
      const links = new Map<Respondent, string>();
      plan(world, askedOn, '12:00', `ask ${placement.key} for their voice`, () =>
        askForVoice(world, placement, askedOn, links),
      );
      if (answers)
        plan(world, answeredOn, '18:30', `answer ${placement.key}'s voice forms`, () =>
          answer(world, links, answeredOn, n),
        );
      // Kingsway, suspended, has sent none: its pupil's reports are missing.
      if (!current && half.endsOn > placement.startsOn && placement.story.provider !== 'kingsway')
        plan(world, addDays(half.endsOn, -3), '15:00', `send a progress report on ${placement.key}`, () =>
          reportProgress(world, placement, addDays(half.endsOn, -3), n),
        );
    }
  }
  for (const change of changes) {
    const placement = running[change.n];
    if (!placement) continue;
    const on = addDays(world.today, -2);
    plan(world, on, '16:30', `record you said, we did for ${placement.key}`, () =>
      recordVoiceChange({
        db: world.db,
        actor: actorOf(world, `aplead@${placement.story.school}.example`),
        ipAddress: null,
        now: londonInstant(on, '16:30'),
        placementId: idOf(world, placement.key),
        input: asEntered(voiceChangeBodySchema, { youSaid: change.youSaid, weDid: change.weDid }),
      }),
    );
  }
}

/** The AP lead opens the placement's voice page and issues this half-term's links (a parent's by email). */
async function askForVoice(
  world: DemoWorld,
  placement: PlacementSchedule,
  askedOn: IsoDate,
  links: Map<Respondent, string>,
) {
  const now = londonInstant(askedOn, '12:00');
  const actor = actorOf(world, `aplead@${placement.story.school}.example`);
  const placementId = idOf(world, placement.key);
  const command = { db: world.db, actor, ipAddress: null, now, publicUrl: world.publicUrl, placementId };
  const { requests, parentEmails } = await placementVoice({ db: world.db, actor, placementId, now });
  for (const request of requests.filter((r) => r.status !== 'answered' && r.expiresOn >= askedOn)) {
    const respondent = request.respondent as Respondent;
    const emailTo = respondent === 'parent' ? parentEmails[0]?.email : undefined;
    if (respondent === 'parent' && !emailTo) continue;
    const link = await issueVoiceLink({ ...command, requestId: request.id, emailTo });
    links.set(respondent, link.url.slice(link.url.lastIndexOf('/') + 1));
  }
}

/** The pupil (sometimes with a member of staff) and the parent answer through their links. */
async function answer(world: DemoWorld, links: Map<Respondent, string>, on: IsoDate, n: number) {
  const good = n % 4 !== 2;
  for (const [respondent, token] of links) {
    const input = voiceAnswersSchema(respondent).parse(
      respondent === 'pupil'
        ? {
            answers: {
              feel: good ? 4 : 2,
              safe: 5,
              learning: good ? 4 : 3,
              adults: good ? 5 : 3,
              better: good ? 'More time in the workshop' : 'Mornings are hard',
            },
            withStaff: n % 3 === 0,
          }
        : {
            answers: {
              progress: good ? 4 : 3,
              communication: good ? 4 : 2,
              safety: 5,
              change: good ? '' : 'More news about how the week went',
            },
          },
    );
    await answerVoiceForm(world.db, token, londonInstant(on, '18:30'), input);
  }
}

function reportProgress(world: DemoWorld, placement: PlacementSchedule, on: IsoDate, n: number) {
  const good = n % 4 !== 2;
  return sendProgressReport({
    db: world.db,
    actor: actorOf(world, `staff@${placement.story.provider}.example`),
    ipAddress: null,
    now: londonInstant(on, '15:00'),
    today: on,
    publicUrl: world.publicUrl,
    placementId: idOf(world, placement.key),
    input: asEntered(progressReportBodySchema, {
      reportedOn: on,
      learning: good
        ? 'Working steadily towards the English and maths objectives; a functional skills unit passed'
        : 'Some progress in maths; English work often left unfinished',
      attendanceAndBehaviour: good
        ? 'Attends well and settles quickly'
        : 'Misses some sessions; calmer once in',
      wellbeing: 'Gets on with the key worker and one or two others in the group',
      nextSteps: good ? 'Start the next unit; a taster day at college' : 'A morning routine agreed with home',
    }),
    idempotencyKey: undefined,
  });
}
