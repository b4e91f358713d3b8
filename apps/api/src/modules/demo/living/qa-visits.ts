/**
 * Chapter 5: termly QA visits (policy §9, Appendix 5). Each school's AP lead visits each provider where
 * its pupils are placed once a term, judges every line, sees the pupils and agrees actions; one visit
 * found a concern whose action is still open. Larchwood never visited Ironworks last summer, so that
 * term's visit is overdue.
 */
import { addDays, appendix5, type IsoDate, type QaAnswers } from '@waymark/domain';
import { qaActionBodySchema, saveVisitBodySchema, startVisitBodySchema } from '@waymark/domain/contracts/qa';
import { getPlacement } from '../../placements/placements.usecases.ts';
import { addQaAction, completeVisit, getVisit, saveVisitDraft, startVisit } from '../../qa/qa.usecases.ts';
import { demoTermDatesFor, demoYearStart } from '../demo-calendar.ts';
import { livingPlacements } from './placements.ts';
import { actorOf, asEntered, type DemoWorld, idOf, londonInstant, plan } from './world.ts';

const lines = appendix5.areas.flatMap((area) => area.lines);

export function planQaVisits(world: DemoWorld) {
  const startYear = Number(demoYearStart(world.today).slice(0, 4));
  const terms = [startYear - 1, startYear]
    .flatMap((year) => demoTermDatesFor(year).halfTerms)
    .filter((h) => h.half === 2);
  const visits = new Map<
    string,
    { school: string; provider: string; on: IsoDate; placementKeys: string[] }
  >();
  for (const [i, s] of livingPlacements.entries()) {
    if (s.stage !== 'active' && s.stage !== 'ended') continue;
    for (const term of terms) {
      // Two weeks into the second half of the term, if the pupil was there then and the day has passed.
      const on = addDays(term.startsOn, 10);
      const lastYears = term.academicYear !== terms.at(-1)!.academicYear;
      if ((s.stage === 'ended') !== lastYears || on >= world.today) continue;
      if (s.school === 'larchwood' && s.provider === 'ironworks' && term.term === 'summer') continue;
      const key = `${s.school}/${s.provider}/${term.academicYear}/${term.term}`;
      const visit = visits.get(key) ?? { school: s.school, provider: s.provider, on, placementKeys: [] };
      visit.placementKeys.push(`placement-${i + 1}`);
      visits.set(key, visit);
    }
  }
  for (const [key, visit] of visits)
    plan(world, visit.on, '10:30', `visit ${key}`, () =>
      visitProvider(world, visit, key.endsWith('autumn') && visit.provider === 'kingsway'),
    );
}

async function visitProvider(
  world: DemoWorld,
  visit: { school: string; provider: string; on: IsoDate; placementKeys: string[] },
  withConcern: boolean,
) {
  const lead = actorOf(world, `aplead@${visit.school}.example`);
  const command = { db: world.db, actor: lead, ipAddress: null, now: londonInstant(visit.on, '10:30') };
  const { id } = await startVisit(
    command,
    asEntered(startVisitBodySchema, {
      schoolId: idOf(world, visit.school),
      providerId: idOf(world, visit.provider),
      visitOn: visit.on,
    }),
  );
  const { version } = await getVisit({ db: world.db, actor: lead, visitId: id });
  const answers: QaAnswers = Object.fromEntries(
    lines.map((line, n) => [line.id, { judgement: n % 5 === 0 ? 'strong' : 'secure', comment: '' }]),
  );
  if (withConcern)
    answers[lines[7]!.id] = {
      judgement: 'concern',
      comment: 'Two pupils were not supervised at the end of a session',
    };
  const pupilsSeen = await Promise.all(
    visit.placementKeys.map(async (key) => {
      const placement = await getPlacement({ ...command, today: visit.on, placementId: idOf(world, key) });
      return {
        placementId: placement.id,
        pupilName: placement.pupil.displayName,
        learningObservation: 'Engaged in a practical session with a small group',
        workScrutiny: 'Work set by school completed and marked',
        welfareCheck: 'Spoke with the pupil alone: feels safe and knows who to go to',
      };
    }),
  );
  await saveVisitDraft(
    command,
    id,
    asEntered(saveVisitBodySchema, {
      version,
      visitOn: visit.on,
      visitors: lead.displayName,
      answers,
      pupilsSeen,
    }),
  );
  await completeVisit(command, id);
  if (withConcern)
    await addQaAction(
      command,
      id,
      asEntered(qaActionBodySchema, {
        action: 'Show how every session ends with pupils handed over to a named adult',
        owner: 'Centre manager',
        dueOn: addDays(visit.on, 28),
      }),
    );
}
