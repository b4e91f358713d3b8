/**
 * Chapter 7: concerns and incidents (policy §5.3, §6.2, §8). Providers report through the portal and
 * school staff from school; each school's DSL triages the safeguarding kinds (its AP lead the others),
 * agrees actions, refers on where the threshold is met and closes the record with its outcome. Some
 * are still being worked on; one was told to the school a day late; and one concern came in from a
 * provider this morning and waits for the DSL's triage.
 */
import {
  addDays,
  closureSchema,
  type IncidentKind,
  type IsoDate,
  incidentActionSchema,
  incidentReportSchema,
  isSafeguarding,
  type ReferralAgency,
  referralSchema,
  type TriageLevel,
  todayInLondon,
  triageSchema,
} from '@waymark/domain';
import { reportIncident } from '../../incidents/incidents.usecases.ts';
import {
  addIncidentAction,
  closeIncident,
  completeIncidentAction,
  recordReferral,
  triageIncident,
} from '../../incidents/workflow.usecases.ts';
import { placementKeyOf, placementSchedules } from './placements.ts';
import { actorOf, asEntered, type DemoWorld, idOf, laterBy, londonInstant, plan } from './world.ts';

interface Concern {
  school: string;
  pupil: number;
  provider: string;
  kind: IncidentKind;
  /** Days before today it happened, and the time. */
  daysAgo: number;
  at: string;
  /** Reported by the provider through the portal, or by school staff. */
  by: 'portal' | `${string}@${string}.example`;
  /** Told the next morning rather than the same day. */
  toldLate?: boolean;
  location: string;
  whatHappened: string;
  immediateActions: string;
  /** How far the school has taken it. */
  reached: 'reported' | 'triaged' | 'acting' | 'closed';
  triage?: { level: TriageLevel; rationale: string };
  referral?: { agency: ReferralAgency; details: string };
  action?: string;
  outcome?: string;
}

const concerns: Concern[] = [
  {
    school: 'riverside',
    pupil: 2,
    provider: 'bridges',
    kind: 'safeguarding_concern',
    daysAgo: 36,
    at: '11:20',
    by: 'portal',
    location: 'Art room',
    whatHappened:
      'Disclosed that an older sibling hits them when their parent is at work; a bruise on the arm',
    immediateActions: 'Listened, did not question; wrote down the words used; rang the school DSL at once',
    reached: 'closed',
    triage: { level: 'referral', rationale: 'Disclosure of physical harm at home: meets the threshold' },
    referral: {
      agency: 'childrens_social_care',
      details: 'Shared the disclosure; a strategy discussion followed',
    },
    action: 'Share the social worker’s safety plan with Bridges',
    outcome: 'Child in need plan in place; Bridges and school follow the safety plan',
  },
  {
    school: 'riverside',
    pupil: 6,
    provider: 'northbank',
    kind: 'online_safety',
    daysAgo: 19,
    at: '14:05',
    by: 'portal',
    location: 'Library computers',
    whatHappened: 'Seen sharing a video of another pupil without consent in a group chat',
    immediateActions: 'Asked the pupil to delete it; kept a note of the chat name; told the school DSL',
    reached: 'acting',
    triage: {
      level: 'monitor',
      rationale: 'No image of a sexual nature; education and monitoring at both sites',
    },
    action: 'An online safety session with the pupil and a letter home',
  },
  {
    school: 'hillview',
    pupil: 1,
    provider: 'harbour',
    kind: 'missing_child',
    daysAgo: 15,
    at: '13:10',
    by: 'portal',
    location: 'Left the site at lunch',
    whatHappened: 'Did not return after lunch; not found on the site or nearby; phone switched off',
    immediateActions: 'Searched the site; rang home and the school; reported missing to the police at 14:00',
    reached: 'closed',
    triage: {
      level: 'referral',
      rationale: 'Missing for over an hour: police informed, return interview needed',
    },
    referral: { agency: 'police', details: 'Reported missing; found at a friend’s home at 17:30' },
    action: 'Return interview with the pupil',
    outcome: 'Return interview done; the pupil now has a lunchtime plan with a named adult',
  },
  {
    school: 'riverside',
    pupil: 10,
    provider: 'kingsway',
    kind: 'allegation_against_staff',
    daysAgo: 12,
    at: '10:00',
    by: 'portal',
    location: 'Workshop',
    whatHappened: 'A pupil says a member of staff pushed them against a wall during an argument',
    immediateActions: 'The member of staff was sent home; the pupil was looked after by the centre manager',
    reached: 'acting',
    triage: { level: 'referral', rationale: 'An allegation that a member of staff may have harmed a child' },
    referral: {
      agency: 'lado',
      details: 'LADO advised a strategy meeting; the member of staff stays off site',
    },
    action: 'Attend the LADO strategy meeting',
  },
  {
    school: 'riverside',
    pupil: 3,
    provider: 'bridges',
    kind: 'safeguarding_concern',
    daysAgo: 8,
    at: '08:50',
    by: 'dsl@riverside.example',
    location: 'School reception',
    whatHappened: 'Parent said the pupil has been staying out late and is seen with older young people',
    immediateActions: 'Recorded what the parent said; talked to the pupil the same morning',
    reached: 'triaged',
    triage: {
      level: 'early_help',
      rationale: 'Early signs of exploitation risk; the family agrees to early help',
    },
  },
  {
    school: 'oakfield',
    pupil: 5,
    provider: 'northbank',
    kind: 'online_safety',
    daysAgo: 4,
    at: '12:30',
    by: 'portal',
    location: 'Common room',
    whatHappened:
      'Tried to reach a blocked gambling site on a college laptop; the filter stopped it and alerted staff',
    immediateActions: 'Talked with the pupil about the site; the school DSL told',
    reached: 'acting',
    triage: { level: 'monitor', rationale: 'Filtering worked; talk with the family about gambling harms' },
    action: 'Call home to talk about gambling harms and the support there is',
  },
  {
    school: 'hillview',
    pupil: 2,
    provider: 'harbour',
    kind: 'safeguarding_concern',
    daysAgo: 1,
    at: '15:10',
    by: 'portal',
    location: 'Pick-up point',
    whatHappened: 'Collected by an adult the staff did not know, who said they were an uncle',
    immediateActions: 'Checked with the parent by phone before letting the pupil go; the school DSL told',
    reached: 'reported',
  },
  {
    school: 'oakfield',
    pupil: 3,
    provider: 'ironworks',
    kind: 'accident_injury',
    daysAgo: 27,
    at: '11:45',
    by: 'portal',
    location: 'Engine workshop',
    whatHappened: 'Cut a finger on a panel edge; cleaned and dressed by the first aider',
    immediateActions: 'First aid given; parent told at pick-up; accident book filled in',
    reached: 'closed',
    triage: { level: 'no_further_action', rationale: 'A minor injury, properly handled' },
    outcome: 'Gloves now given out before panel work',
  },
  {
    school: 'meadowbank',
    pupil: 1,
    provider: 'compass',
    kind: 'restraint',
    daysAgo: 22,
    at: '10:30',
    by: 'portal',
    toldLate: true,
    location: 'Corridor outside the hall',
    whatHappened: 'Tried to hit another pupil; held by two trained staff for under a minute',
    immediateActions: 'Separated the pupils; checked both for injury; parent rung',
    reached: 'closed',
    triage: { level: 'monitor', rationale: 'Restraint within the behaviour plan; review the triggers' },
    action: 'Update the pupil’s behaviour support plan',
    outcome: 'Plan updated with new triggers; no repeat since',
  },
  {
    school: 'larchwood',
    pupil: 2,
    provider: 'ironworks',
    kind: 'health_and_safety',
    daysAgo: 6,
    at: '09:40',
    by: 'portal',
    location: 'Yard',
    whatHappened: 'A fire door was found propped open with a tyre',
    immediateActions: 'Door closed; staff reminded; checked the other fire doors',
    reached: 'acting',
    triage: { level: 'monitor', rationale: 'No one hurt; check the provider’s fire safety routine' },
    action: 'Ask Ironworks for its fire door checks for the term',
  },
  ...[30, 23, 16, 9, 2].map(
    (daysAgo, n): Concern => ({
      school: 'riverside',
      pupil: 4,
      provider: 'bridges',
      kind: 'behaviour',
      daysAgo,
      at: n % 2 ? '13:20' : '10:15',
      by: 'portal',
      location: 'Classroom',
      whatHappened:
        n % 2 ? 'Refused to work and left the room' : 'Swore at staff when asked to put a phone away',
      immediateActions: 'Given time out with a key worker, then returned to the lesson',
      reached: n < 3 ? 'closed' : 'reported',
      triage: {
        level: 'no_further_action',
        rationale: 'Handled well by the provider under the behaviour plan',
      },
      outcome: 'Logged for the review; the pattern is discussed with the pupil',
    }),
  ),
  {
    school: 'riverside',
    pupil: 7,
    provider: 'northbank',
    kind: 'safeguarding_concern',
    daysAgo: 0,
    at: '',
    by: 'portal',
    location: 'Canteen',
    whatHappened: 'Arrived hungry and in the same clothes as yesterday; says there is no food at home',
    immediateActions: 'Breakfast given; the pupil is with their key worker; the school DSL rung',
    reached: 'reported',
  },
];

export function planConcerns(world: DemoWorld) {
  const schedules = placementSchedules(world);
  for (const concern of concerns) {
    const on = addDays(world.today, -concern.daysAgo);
    // Early in the year the pupil may not have started yet: nothing has happened there.
    const key = placementKeyOf(concern.school, concern.pupil);
    if (schedules.find((p) => p.key === key)!.startsOn > on) continue;
    // Today's concern came in an hour ago (if Waymark starts before one in the morning, just now).
    const happened = concern.at || londonTime(new Date(world.now.getTime() - 3_600_000), on);
    const toldOn = concern.toldLate ? addDays(on, 1) : on;
    const toldAt = concern.toldLate ? '08:45' : laterBy(happened, 20);
    planConcern(world, concern, { on, happened, toldOn, toldAt });
  }
}

/**
 * Plans the report and each step the school takes on it: the DSL (the AP lead for kinds that are not
 * safeguarding) triages within the hour and refers on, agrees an action the next morning, and closes
 * the record within the week once the action is done. Steps after today are not taken yet.
 */
function planConcern(
  world: DemoWorld,
  concern: Concern,
  { on, happened, toldOn, toldAt }: { on: IsoDate; happened: string; toldOn: IsoDate; toldAt: string },
) {
  const record: { id?: string; actionId?: string } = {};
  const step = (day: IsoDate, time: string, what: string, run: () => Promise<unknown>) => {
    if (londonInstant(day, time) <= world.now) plan(world, day, time, `${what} (${concern.kind})`, run);
  };
  step(toldOn, toldAt, `report a concern at ${concern.provider}`, async () => {
    record.id = (await report(world, concern, on, happened, londonInstant(toldOn, toldAt))).id;
  });
  if (concern.reached === 'reported' || !concern.triage) return;
  const lead = isSafeguarding(concern.kind)
    ? `dsl@${concern.school}.example`
    : `aplead@${concern.school}.example`;
  const command = (day: IsoDate, time: string) => ({
    db: world.db,
    actor: actorOf(world, lead),
    ipAddress: null,
    now: londonInstant(day, time),
    incidentId: record.id!,
  });
  const triagedAt = laterBy(toldAt, 45);
  const triage = concern.triage;
  step(toldOn, triagedAt, 'triage', () =>
    triageIncident(command(toldOn, triagedAt), asEntered(triageSchema, triage)),
  );
  const referral = concern.referral;
  if (referral)
    step(toldOn, laterBy(triagedAt, 30), 'refer', () =>
      recordReferral(
        { ...command(toldOn, laterBy(triagedAt, 30)), today: toldOn },
        asEntered(referralSchema, {
          ...referral,
          referredOn: toldOn,
          reference: referral.agency === 'lado' ? 'LADO/118' : '',
        }),
      ),
    );
  const actionDay = addDays(toldOn, 1);
  const action = concern.action;
  if (action)
    step(actionDay, '09:30', 'agree an action', async () => {
      const input = asEntered(incidentActionSchema, {
        action,
        owner: actorOf(world, lead).displayName,
        dueOn: addDays(actionDay, 10),
      });
      record.actionId = (await addIncidentAction(command(actionDay, '09:30'), input)).id;
    });
  if (concern.reached !== 'closed') return;
  const closedOn = addDays(toldOn, 6);
  if (action)
    step(closedOn, '15:00', 'mark the action done', () =>
      completeIncidentAction({ ...command(closedOn, '15:00'), actionId: record.actionId!, today: closedOn }),
    );
  step(closedOn, '15:30', 'close', () =>
    closeIncident(command(closedOn, '15:30'), asEntered(closureSchema, { outcome: concern.outcome! })),
  );
}

function report(world: DemoWorld, concern: Concern, on: IsoDate, happened: string, now: Date) {
  const reporter =
    concern.by === 'portal'
      ? actorOf(world, `staff@${concern.provider}.example`)
      : actorOf(world, concern.by);
  const input = asEntered(incidentReportSchema, {
    placementId: idOf(world, placementKeyOf(concern.school, concern.pupil)),
    kind: concern.kind,
    occurredAt: `${on}T${happened}`,
    location: concern.location,
    whatHappened: concern.whatHappened,
    immediateActions: concern.immediateActions,
    ...(concern.kind === 'restraint'
      ? {
          postIncidentSupport: 'Quiet time with the key worker; the pupil talked it through',
          debrief: 'Debrief with the pupil and both staff the same afternoon',
        }
      : {}),
  });
  return reportIncident({
    db: world.db,
    actor: reporter,
    ipAddress: null,
    now,
    publicUrl: world.publicUrl,
    source: concern.by === 'portal' ? 'portal' : 'school',
    input,
  });
}

/** The London wall-clock time of an instant on `date`, or the first minute of `date` if it was before. */
function londonTime(instant: Date, date: IsoDate): string {
  if (todayInLondon(instant) < date) return '00:01';
  return instant.toLocaleTimeString('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  });
}
