/**
 * Chapter 10: the people who work in AP and the money (policy §10, §11). Each school's AP lead keeps a
 * list of the staff who support its pupils in AP, their training (one safeguarding course has run out)
 * and their yearly training-needs review (one is due); the trust administrator sets each school's AP
 * budget for the year.
 */
import {
  academicYearOf,
  addDays,
  apStaffSchema,
  type IsoDate,
  type TrainingTopic,
  trainingRecordSchema,
  trainingReviewSchema,
} from '@waymark/domain';
import { budgetBodySchema } from '@waymark/domain/contracts/reports';
import { setBudget } from '../../reports/budgets.usecases.ts';
import { addStaff, addTrainingRecord, recordTrainingReview } from '../../training/training.usecases.ts';
import { demoYearStart } from '../demo-calendar.ts';
import { placementSchedules } from './placements.ts';
import { livingAdmin, livingSchools } from './trust.ts';
import { actorOf, asEntered, type DemoWorld, idOf, londonInstant, plan } from './world.ts';

interface Person {
  school: string;
  name: string;
  role: string;
  courses: { course: string; by: string; monthsAgo: number; topics: TrainingTopic[]; lastsMonths?: number }[];
  /** Months since the training-needs review; none if it has never been done. */
  reviewedMonthsAgo: number | null;
}

const people: Person[] = [
  {
    school: 'riverside',
    name: 'Grace Whitlow',
    role: 'AP link teacher',
    courses: [
      {
        course: 'Safeguarding in alternative provision',
        by: 'Local safeguarding partnership',
        monthsAgo: 14,
        topics: ['safeguarding_in_ap'],
        lastsMonths: 12,
      },
      {
        course: 'Adapting the curriculum for AP',
        by: 'Trust teaching school hub',
        monthsAgo: 3,
        topics: ['curriculum_adaptation'],
      },
    ],
    reviewedMonthsAgo: 3,
  },
  {
    school: 'riverside',
    name: 'Dean Patel',
    role: 'Pastoral mentor',
    courses: [
      {
        course: 'De-escalation and positive handling',
        by: 'Team Teach',
        monthsAgo: 6,
        topics: ['behaviour_management'],
        lastsMonths: 36,
      },
      {
        course: 'SEMH: understanding behaviour as communication',
        by: 'Educational psychology service',
        monthsAgo: 2,
        topics: ['send_and_semh', 'communication_strategies'],
      },
    ],
    reviewedMonthsAgo: 13,
  },
  {
    school: 'oakfield',
    name: 'Helen Ashby',
    role: 'Inclusion manager',
    courses: [
      {
        course: 'Safeguarding in alternative provision',
        by: 'Local safeguarding partnership',
        monthsAgo: 4,
        topics: ['safeguarding_in_ap'],
        lastsMonths: 12,
      },
    ],
    reviewedMonthsAgo: 4,
  },
  {
    school: 'hillview',
    name: 'Colin Marsh',
    role: 'Learning mentor',
    courses: [
      {
        course: 'Communication strategies for pupils with SLCN',
        by: 'Speech and language therapy team',
        monthsAgo: 5,
        topics: ['communication_strategies'],
      },
    ],
    reviewedMonthsAgo: null,
  },
  {
    school: 'meadowbank',
    name: 'Ruth Owen',
    role: 'AP coordinator',
    courses: [
      {
        course: 'Safeguarding in alternative provision',
        by: 'Local safeguarding partnership',
        monthsAgo: 2,
        topics: ['safeguarding_in_ap'],
        lastsMonths: 12,
      },
      {
        course: 'Autism and sensory needs',
        by: 'Specialist teaching service',
        monthsAgo: 8,
        topics: ['send_and_semh'],
      },
    ],
    reviewedMonthsAgo: 2,
  },
];

/** Each school's AP budget for the year, in pounds. */
const budgetPounds: Record<string, number> = {
  riverside: 120_000,
  oakfield: 65_000,
  meadowbank: 48_000,
  hillview: 30_000,
  larchwood: 18_000,
  brookside: 22_000,
};

export function planStaffAndBudgets(world: DemoWorld) {
  const yearStart = demoYearStart(world.today);
  const monthsAgo = (months: number) => addDays(world.today, -Math.round(months * 30.4));
  const listedOn = addDays(yearStart, 2);
  for (const person of people) {
    // Listed at the start of term with the pupils they support; earlier training and the last needs
    // review entered that day, later courses on the day they are done.
    const staff: { id?: string } = {};
    const step = (on: IsoDate, time: string, what: string, run: (command: Command) => Promise<unknown>) => {
      const day = latest(on, listedOn);
      if (londonInstant(day, time) > world.now) return;
      plan(world, day, time, `${what} (${person.school})`, () => run(commandOf(world, person, day, time)));
    };
    step(listedOn, '16:00', 'list a member of AP staff', async (command) => {
      staff.id = (await addPerson(world, command, person, listedOn)).id;
    });
    for (const c of person.courses) {
      const completedOn = monthsAgo(c.monthsAgo);
      step(completedOn, '16:10', 'record training', (command) =>
        addTrainingRecord(
          command,
          staff.id!,
          asEntered(trainingRecordSchema, {
            course: c.course,
            trainingProvider: c.by,
            completedOn,
            topics: c.topics,
            expiresOn: c.lastsMonths ? addDays(completedOn, Math.round(c.lastsMonths * 30.4)) : null,
          }),
        ),
      );
    }
    if (person.reviewedMonthsAgo === null) continue;
    const reviewedOn = monthsAgo(person.reviewedMonthsAgo);
    step(reviewedOn, '16:20', 'record a training-needs review', (command) =>
      recordTrainingReview(
        command,
        staff.id!,
        asEntered(trainingReviewSchema, {
          reviewedOn,
          needs: 'Keep safeguarding current; more on supporting pupils with SEMH needs in AP',
          plan: 'Refresher before it runs out; the SEMH course in the spring term',
        }),
        latest(reviewedOn, listedOn),
      ),
    );
  }
  const setOn = addDays(yearStart, -10);
  for (const school of livingSchools)
    plan(world, setOn, '10:00', `set ${school.key}'s AP budget`, () =>
      setBudget(
        {
          db: world.db,
          actor: actorOf(world, livingAdmin.email),
          ipAddress: null,
          now: londonInstant(setOn, '10:00'),
        },
        idOf(world, school.key),
        asEntered(budgetBodySchema, {
          academicYear: academicYearOf(yearStart),
          amountPounds: budgetPounds[school.key] ?? 20_000,
        }),
      ),
    );
}

type Command = ReturnType<typeof commandOf>;

function commandOf(world: DemoWorld, person: Person, on: IsoDate, time: string) {
  return {
    db: world.db,
    actor: actorOf(world, `aplead@${person.school}.example`),
    ipAddress: null,
    now: londonInstant(on, time),
  };
}

/** The person, with up to three of the school's running placements they support. */
function addPerson(world: DemoWorld, command: Command, person: Person, on: IsoDate) {
  const supported = placementSchedules(world)
    .filter((p) => p.story.school === person.school && p.story.stage === 'active' && p.startsOn <= on)
    .slice(0, 3)
    .map((p) => idOf(world, p.key));
  return addStaff(
    command,
    asEntered(apStaffSchema, {
      schoolId: idOf(world, person.school),
      name: person.name,
      role: person.role,
      placementIds: supported,
    }),
  );
}

const latest = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
