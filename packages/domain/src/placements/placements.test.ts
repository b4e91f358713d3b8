import { describe, expect, it } from 'vitest';
import { shippedBankHolidays } from '../calendar/bank-holidays.ts';
import { createSchoolCalendar } from '../calendar/school-calendar.ts';
import type { HalfTerm } from '../calendar/term-dates.ts';
import { destinationOutcome, monthOutsideDestinationYear } from './destinations.ts';
import {
  earliestOffSiteStart,
  hoursPerWeek,
  type PlacementFacts,
  registrationFor,
  registrationRefusal,
  startBlockers,
} from './placement-rules.ts';
import { reviewState, scheduleReviews } from './reviews.ts';

const halfTerms: HalfTerm[] = [
  ['autumn', 1, '2025-09-01', '2025-10-24'],
  ['autumn', 2, '2025-11-03', '2025-12-19'],
  ['spring', 1, '2026-01-05', '2026-02-13'],
  ['spring', 2, '2026-02-23', '2026-03-27'],
  ['summer', 1, '2026-04-13', '2026-05-22'],
  ['summer', 2, '2026-06-01', '2026-07-20'],
].map(
  ([term, half, startsOn, endsOn]) => ({ academicYear: '2025/26', term, half, startsOn, endsOn }) as HalfTerm,
);
const calendar = createSchoolCalendar({ halfTerms, bankHolidays: shippedBankHolidays });

const ready: PlacementFacts = {
  type: 'commissioned_ap',
  providerApproved: true,
  providerStatusLabel: 'Approved',
  startsOn: '2026-01-12',
  plannedEndOn: '2026-03-27',
  sessions: [
    { day: 'mon', session: 'am', hours: 3 },
    { day: 'mon', session: 'pm', hours: 2.5 },
  ],
  objectives: 2,
  reintegrationTargets: 1,
  targetsMissingPost16Link: 0,
  agreementRecorded: true,
  managedMoveConsent: false,
  referralSent: true,
  offSiteDirection: null,
};

describe('starting a placement', () => {
  it('may start when every requirement is met', () => {
    expect(startBlockers(ready, calendar)).toEqual([]);
    expect(hoursPerWeek(ready.sessions)).toBe(5.5);
  });

  it('lists each thing that is missing, by field', () => {
    const problems = startBlockers(
      {
        ...ready,
        providerApproved: false,
        providerStatusLabel: 'Lapsed',
        startsOn: '2026-04-01',
        sessions: [],
        reintegrationTargets: 0,
        type: 'managed_move',
      },
      calendar,
    );
    expect(problems.map((p) => p.path)).toEqual([
      'providerId',
      'plannedEndOn',
      'sessions',
      'reintegrationTargets',
      'agreement.voluntaryConsent',
    ]);
    expect(problems[0]!.message).toBe(
      'The provider is not approved (Lapsed): a placement can start only with an approved provider',
    );
  });

  it('cannot start at a provider that must register as a school and has not, even an approved one', () => {
    const alarmed = startBlockers({ ...ready, registrationAlarm: true }, calendar);
    expect(alarmed).toEqual([
      {
        path: 'providerId',
        message:
          'The provider must be registered as an independent school but is not: no placement can start there',
      },
    ]);
    expect(startBlockers({ ...ready, registrationAlarm: false }, calendar)).toEqual([]);
  });

  it('cannot start where the start itself would make the provider need registration it lacks', () => {
    const reason =
      '5 full-time pupils of compulsory school age, 0 looked after or with an EHCP, counting this one';
    expect(startBlockers({ ...ready, registrationIfStarted: { alarm: true, reason } }, calendar)).toEqual([
      { path: 'sessions', message: registrationRefusal(reason) },
    ]);
    expect(registrationRefusal(reason)).toContain('keep the timetable under 18 hours a week');
    expect(startBlockers({ ...ready, registrationIfStarted: { alarm: false, reason } }, calendar)).toEqual(
      [],
    );
    // An alarm already raised is said once, as the provider's.
    expect(
      startBlockers(
        { ...ready, registrationAlarm: true, registrationIfStarted: { alarm: true, reason } },
        calendar,
      ).map((p) => p.path),
    ).toEqual(['providerId']);
  });

  it('an off-site direction needs a maximum period and two clear school days after the notice', () => {
    const direction = { ...ready, type: 'off_site_direction' as const };
    expect(
      startBlockers(
        { ...direction, offSiteDirection: { maximumDays: null, noticeGivenOn: null } },
        calendar,
      ).map((p) => p.path),
    ).toEqual(['offSiteDirection.maximumDays', 'offSiteDirection.noticeGivenOn']);
    // Notice on Thursday 8 January: Friday and Monday are the clear days, so Tuesday 13th is the earliest.
    expect(earliestOffSiteStart(calendar, '2026-01-08')).toBe('2026-01-13');
    const early = startBlockers(
      { ...direction, offSiteDirection: { maximumDays: 30, noticeGivenOn: '2026-01-08' } },
      calendar,
    );
    expect(early).toEqual([
      {
        path: 'startsOn',
        message:
          'The notice went on 8 Jan 2026: an off-site direction can start on 13 Jan 2026 at the earliest (two clear school days)',
      },
    ]);
    // Across the February half-term: notice on Thursday 12th, Friday 13th is one day, then the holiday.
    expect(earliestOffSiteStart(calendar, '2026-02-12')).toBe('2026-02-24');
  });

  it('says in words what each missing thing is', () => {
    const nothing = startBlockers(
      {
        ...ready,
        startsOn: null,
        plannedEndOn: null,
        sessions: [],
        objectives: 0,
        reintegrationTargets: 0,
        agreementRecorded: false,
      },
      calendar,
    );
    expect(nothing).toEqual([
      { path: 'startsOn', message: 'Enter the start date' },
      { path: 'plannedEndOn', message: 'Enter the planned end date' },
      { path: 'sessions', message: 'Choose at least one session at the provider in the timetable' },
      { path: 'objectives', message: 'Write at least one objective in the personalised learning plan' },
      {
        path: 'reintegrationTargets',
        message: 'Agree at least one reintegration target before the placement starts (policy §12)',
      },
      { path: 'agreement', message: 'Record the discussion with the pupil and parents and their agreement' },
    ]);
    expect(startBlockers({ ...ready, type: 'managed_move' }, calendar)).toEqual([
      {
        path: 'agreement.voluntaryConsent',
        message: 'A managed move needs the parents’ voluntary consent, recorded',
      },
    ]);
    expect(startBlockers({ ...ready, type: 'managed_move', managedMoveConsent: true }, calendar)).toEqual([]);
  });

  it('waits for the referral to be sent, once the provider is approved (before, approval is the step)', () => {
    expect(startBlockers({ ...ready, referralSent: false }, calendar)).toEqual([
      {
        path: 'referralSent',
        message: 'Send the referral to the provider: until you do, they know nothing of the pupil',
      },
    ]);
    expect(
      startBlockers(
        { ...ready, referralSent: false, providerApproved: false, providerStatusLabel: 'Pending' },
        calendar,
      ).map((b) => b.path),
    ).toEqual(['providerId']);
  });

  it('ends no earlier than it starts: the same day is allowed, the day before is not', () => {
    expect(startBlockers({ ...ready, plannedEndOn: '2026-01-12' }, calendar)).toEqual([]);
    expect(startBlockers({ ...ready, plannedEndOn: '2026-01-11' }, calendar)).toEqual([
      { path: 'plannedEndOn', message: 'The planned end is before the start' },
    ]);
  });

  it('asks how each reintegration target links to the post-16 plan, counting them', () => {
    const message = (missing: number) =>
      startBlockers({ ...ready, targetsMissingPost16Link: missing }, calendar).map((p) => p.message);
    expect(message(0)).toEqual([]);
    expect(message(1)).toEqual([
      '1 reintegration target does not say how it links to the pupil’s post-16 plan (Year 9 and above)',
    ]);
    expect(message(2)).toEqual([
      '2 reintegration targets do not say how they link to the pupil’s post-16 plan (Year 9 and above)',
    ]);
  });

  it('an off-site direction may start on the earliest day its notice allows, or with no calendar says nothing of the notice', () => {
    const direction = {
      ...ready,
      type: 'off_site_direction' as const,
      offSiteDirection: { maximumDays: 30, noticeGivenOn: '2026-01-08' },
    };
    expect(startBlockers({ ...direction, startsOn: '2026-01-13' }, calendar)).toEqual([]);
    expect(startBlockers({ ...direction, startsOn: '2026-01-12' }, null)).toEqual([]);
    // Other kinds of placement are not asked for a notice or a maximum.
    expect(
      startBlockers({ ...ready, offSiteDirection: { maximumDays: null, noticeGivenOn: null } }, calendar),
    ).toEqual([]);
  });

  it('adds the hours of the timetable to two decimal places', () => {
    expect(hoursPerWeek([])).toBe(0);
    expect(
      hoursPerWeek([
        { day: 'mon', session: 'am', hours: 0.1 },
        { day: 'tue', session: 'am', hours: 0.2 },
      ]),
    ).toBe(0.3);
    expect(hoursPerWeek([{ day: 'wed', session: 'pm', hours: 2.555 }])).toBe(2.56);
  });

  it('registers the pupil dually at a registered school, solely (code B) elsewhere', () => {
    expect(registrationFor(true)).toEqual({ kind: 'dual', code: 'D' });
    expect(registrationFor(false)).toEqual({ kind: 'sole', code: 'B' });
    expect(registrationFor(false, 'local_authority')).toEqual({ kind: 'local_authority', code: 'K' });
    // A registered school is dual registration whoever arranged it.
    expect(registrationFor(true, 'local_authority')).toEqual({ kind: 'dual', code: 'D' });
  });
});

describe('half-termly reviews', () => {
  it('one per half-term the placement runs through, due on its last day, across holidays', () => {
    expect(scheduleReviews({ halfTerms, calendar, startsOn: '2026-01-12', endsOn: '2026-05-01' })).toEqual([
      { academicYear: '2025/26', halfTerm: 'Spring 1', dueOn: '2026-02-13' },
      { academicYear: '2025/26', halfTerm: 'Spring 2', dueOn: '2026-03-27' },
      { academicYear: '2025/26', halfTerm: 'Summer 1', dueOn: '2026-05-01' },
    ]);
  });

  it('a start in the last two weeks of a half-term is first reviewed in the next', () => {
    expect(
      scheduleReviews({ halfTerms, calendar, startsOn: '2026-02-09', endsOn: '2026-03-27' }).map(
        (r) => r.halfTerm,
      ),
    ).toEqual(['Spring 2']);
  });

  it('shows a review overdue once its day has passed without it', () => {
    expect(reviewState({ dueOn: '2026-02-13', completedOn: null }, '2026-02-14')).toBe('overdue');
    expect(reviewState({ dueOn: '2026-02-13', completedOn: null }, '2026-02-13')).toBe('due');
    expect(reviewState({ dueOn: '2026-02-13', completedOn: '2026-02-10' }, '2026-03-01')).toBe('done');
  });
});

describe('post-16 destinations', () => {
  type Activity = 'education' | 'employment' | 'apprenticeship' | 'none';
  const months = (activity: Activity, from: string[], overrides: Record<string, Activity> = {}) => ({
    ...Object.fromEntries(from.map((m) => [m, activity])),
    ...overrides,
  });
  const augToSep = ['2026-08', '2026-09'];
  const octToMar = ['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03'];
  const aprToJul = ['2027-04', '2027-05', '2027-06', '2027-07'];
  /** The months outside October–March recorded as idle, so only October–March decides. */
  const restIdle = months('none', [...augToSep, ...aprToJul]);

  it('education all of October to March is sustained, whatever the other months turn out to be', () => {
    expect(destinationOutcome(months('education', octToMar), 2026)).toBe('sustained_education');
  });

  it('employment five of the six months is sustained; four is not', () => {
    expect(destinationOutcome(months('employment', octToMar, { '2026-12': 'none' }), 2026)).toBe(
      'sustained_employment',
    );
    expect(
      destinationOutcome(
        { ...restIdle, ...months('employment', octToMar, { '2026-12': 'none', '2027-01': 'none' }) },
        2026,
      ),
    ).toBe('not_sustained');
  });

  it('an apprenticeship counts after six months in a row at any time in the year', () => {
    const spring = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'];
    expect(destinationOutcome(months('apprenticeship', spring), 2026)).toBe('sustained_apprenticeship');
  });

  it('a mix of education and employment every month goes by which had half or more of it', () => {
    const mix = (education: number) =>
      Object.fromEntries(octToMar.map((m, i) => [m, i < education ? 'education' : 'employment'] as const));
    expect(destinationOutcome(mix(3), 2026)).toBe('sustained_education');
    expect(destinationOutcome(mix(2), 2026)).toBe('sustained_employment');
    // Five months of education and one idle is not sustained: education needs all six.
    expect(
      destinationOutcome({ ...restIdle, ...months('education', octToMar, { '2027-03': 'none' }) }, 2026),
    ).toBe('not_sustained');
  });

  it('five months in a row of an apprenticeship is not yet sustained', () => {
    const five = ['2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
    const rest = months('none', ['2027-02', '2027-03', ...aprToJul]);
    expect(
      destinationOutcome({ ...rest, ...months('apprenticeship', five, { '2027-01': 'none' }) }, 2026),
    ).toBe('not_sustained');
    // Broken by a month without it, the run starts again: five and five are not six in a row.
    expect(
      destinationOutcome(
        {
          '2027-07': 'none',
          ...months('apprenticeship', [...five, '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'], {
            '2027-01': 'none',
          }),
        },
        2026,
      ),
    ).toBe('not_sustained');
  });

  it('is not known while a month it needs is unrecorded and could still change the answer', () => {
    // Only December recorded: anything is still possible.
    expect(destinationOutcome({ '2026-12': 'education' }, 2026)).toBeNull();
    // October idle, November and December in work: five of six months in work is still possible.
    expect(
      destinationOutcome({ '2026-10': 'none', '2026-11': 'employment', '2026-12': 'employment' }, 2026),
    ).toBeNull();
    // Five months of education and March unrecorded: March decides it.
    expect(
      destinationOutcome({ ...restIdle, ...months('education', octToMar.slice(0, 5)) }, 2026),
    ).toBeNull();
    // Two idle months of October–March: neither employment nor education can be sustained, but an
    // apprenticeship from December to May still could; with April idle it cannot.
    const twoIdle = months('none', ['2026-10', '2026-11']);
    expect(destinationOutcome(twoIdle, 2026)).toBeNull();
    expect(destinationOutcome({ ...twoIdle, '2027-04': 'none' }, 2026)).toBe('not_sustained');
  });

  it('refuses to place a month outside its destination year', () => {
    expect(monthOutsideDestinationYear({ '2026-08': 'education', '2027-07': 'none' }, 2026)).toBeUndefined();
    expect(monthOutsideDestinationYear({ '2026-07': 'education' }, 2026)).toBe('2026-07');
    expect(monthOutsideDestinationYear({ '2027-08': 'education' }, 2026)).toBe('2027-08');
  });
});

describe('half-termly reviews at their edges', () => {
  it('reads half-terms in any order, and a placement of one day in a half-term still has its review', () => {
    expect(
      scheduleReviews({
        halfTerms: [...halfTerms].reverse(),
        calendar,
        startsOn: '2026-01-12',
        endsOn: '2026-03-27',
      }).map((r) => r.halfTerm),
    ).toEqual(['Spring 1', 'Spring 2']);
    // Starting on Spring 1's last day and ending on Spring 2's first: nothing of Spring 1 is left to review,
    // so the one review is Spring 2's, due the day the placement ends.
    expect(scheduleReviews({ halfTerms, calendar, startsOn: '2026-02-13', endsOn: '2026-02-23' })).toEqual([
      { academicYear: '2025/26', halfTerm: 'Spring 2', dueOn: '2026-02-23' },
    ]);
    // A placement within one half-term is reviewed in it, even one starting on its last day.
    expect(scheduleReviews({ halfTerms, calendar, startsOn: '2026-02-13', endsOn: '2026-02-13' })).toEqual([
      { academicYear: '2025/26', halfTerm: 'Spring 1', dueOn: '2026-02-13' },
    ]);
  });
});
