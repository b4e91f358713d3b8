/**
 * Each number the policy and the domain reference fix, tested just below it, at it and just above it,
 * with the number written here as a literal: a rule that moved its line by one (≥ to >, 10 to 11)
 * fails here, whatever constant it reads.
 */
import { describe, expect, it } from 'vitest';
import { attendanceRateOfCounts } from './attendance/codes.ts';
import { shippedBankHolidays } from './calendar/bank-holidays.ts';
import { createSchoolCalendar } from './calendar/school-calendar.ts';
import type { HalfTerm } from './calendar/term-dates.ts';
import { type CensusPlacement, censusReturn } from './census/census.ts';
import { unresolvedNObligations } from './obligations/attendance-obligations.ts';
import { type PlacementFacts, startBlockers } from './placements/placement-rules.ts';
import { scheduleReviews } from './placements/reviews.ts';
import { checkInsuranceCover } from './providers/insurance.ts';
import { renewalsDue } from './providers/renewals.ts';
import { suppress } from './reports/report-figures.ts';

const halfTerms: HalfTerm[] = [
  ['spring', 1, '2026-01-05', '2026-02-13'],
  ['spring', 2, '2026-02-23', '2026-03-27'],
].map(
  ([term, half, startsOn, endsOn]) => ({ academicYear: '2025/26', term, half, startsOn, endsOn }) as HalfTerm,
);
const calendar = createSchoolCalendar({ halfTerms, bankHolidays: shippedBankHolidays });

describe('persistent absence is 10% or more of possible sessions missed; severe absence 50% or more', () => {
  // Unauthorised (O) and authorised (I) absences both count.
  it.each([
    ['O', 99, false, false],
    ['O', 100, true, false],
    ['O', 101, true, false],
    ['I', 499, true, false],
    ['I', 500, true, true],
    ['I', 501, true, true],
  ] as const)(
    '%s × %i in 1,000 possible sessions: persistent %s, severe %s',
    (code, absent, persistent, severe) => {
      const rate = attendanceRateOfCounts([
        { code, count: absent },
        { code: '/', count: 1000 - absent },
      ]);
      expect(rate.possible).toBe(1000);
      expect(rate.persistentAbsence).toBe(persistent);
      expect(rate.severeAbsence).toBe(severe);
    },
  );
});

describe('small numbers in group reports are shown as "fewer than 5"', () => {
  it.each([
    [4, 'fewer than 5'],
    [5, 5],
    [6, 6],
    [0, 0],
  ])('%i is shown as %s', (count, shown) => {
    expect(suppress(count, true)).toBe(shown);
    expect(suppress(count, false)).toBe(count);
  });
});

describe('an off-site direction starts after two clear school days of notice', () => {
  const direction = (startsOn: string): PlacementFacts => ({
    type: 'off_site_direction',
    providerApproved: true,
    providerStatusLabel: 'Approved',
    startsOn,
    plannedEndOn: '2026-03-27',
    sessions: [{ day: 'mon', session: 'am', hours: 3 }],
    objectives: 1,
    reintegrationTargets: 1,
    targetsMissingPost16Link: 0,
    agreementRecorded: true,
    managedMoveConsent: false,
    // Notice given on Monday 12 January: Tuesday and Wednesday are the two clear days.
    offSiteDirection: { maximumDays: 30, noticeGivenOn: '2026-01-12' },
  });
  const refusedOn = (startsOn: string) =>
    startBlockers(direction(startsOn), calendar).some((p) => p.path === 'startsOn');

  it.each([
    ['2026-01-14', true],
    ['2026-01-15', false],
    ['2026-01-16', false],
  ])('starting on %s is refused: %s', (startsOn, refused) => {
    expect(refusedOn(startsOn)).toBe(refused);
  });
});

describe('a placement starting late in a half-term has its first review in the next', () => {
  // Spring 1 ends on Friday 13 February 2026; the grace is 10 school days.
  const startingWith = (daysLeft: number) => {
    const days = Array.from({ length: 20 }, (_, i) => `2026-01-${String(12 + i).padStart(2, '0')}`);
    const startsOn = [...days, '2026-02-02', '2026-02-03', '2026-02-04']
      .filter((day) => calendar.isSchoolDay(day))
      .find((day) => calendar.schoolDaysBetween(day, '2026-02-13') === daysLeft);
    if (!startsOn) throw new Error(`no start with ${daysLeft} school days left`);
    return scheduleReviews({ halfTerms, calendar, startsOn, endsOn: '2026-03-27' }).map((r) => r.halfTerm);
  };

  it.each([
    [9, ['Spring 2']],
    [10, ['Spring 1', 'Spring 2']],
    [11, ['Spring 1', 'Spring 2']],
  ])('with %i school days of the half-term left, reviews in %j', (daysLeft, reviews) => {
    expect(startingWith(daysLeft)).toEqual(reviews);
  });
});

describe('the census counts 18 hours a week or more as full time', () => {
  const placement = (hoursPerWeek: number): CensusPlacement =>
    ({
      placementId: `p-${hoursPerWeek}`,
      upn: 'R201100018042',
      pupilName: 'Pupil',
      providerName: 'Provider',
      providerUrn: '123456',
      providerUkprn: null,
      providerSettingType: null,
      dualRegistered: false,
      isSchool: false,
      status: 'active',
      startsOn: '2026-01-05',
      endedOn: null,
      reason: 'Vocational',
      hoursPerWeek,
    }) as CensusPlacement;

  it.each([
    [17.5, 'PT'],
    [18, 'FT'],
    [18.5, 'FT'],
  ])('%d hours a week is %s', (hours, pattern) => {
    const { records } = censusReturn([placement(hours)], { from: '2026-01-01', to: '2026-01-15' });
    expect(records[0]?.attendancePattern).toBe(pattern);
  });
});

describe('an N is resolved within five school days', () => {
  it('is due on the fifth school day after the absence, over a weekend', () => {
    // Absent on Wednesday 14 January 2026: Thu, Fri, Mon, Tue, Wed.
    const [due] = unresolvedNObligations(
      {
        status: 'open',
        date: '2026-01-14',
        pupilName: 'Pupil',
        schoolId: 's',
        schoolName: 'School',
      } as Parameters<typeof unresolvedNObligations>[0],
      calendar,
    );
    expect(due?.dueOn).toBe('2026-01-21');
  });
});

describe('evidence is chased from 30 days before it runs out', () => {
  const evidence = (expiresOn: string) => [
    {
      providerId: 'p',
      providerName: 'P',
      item: 'Fire risk assessment',
      kind: 'document' as const,
      expiresOn,
    },
  ];
  it.each([
    ['2026-12-28', 'due'],
    ['2026-12-29', 'due'],
    ['2026-12-30', 'not yet'],
  ])('expiring on %s, seen on 29 November 2026: %s', (expiresOn, state) => {
    // 29 November + 30 days = 29 December: that day is inside the window, the next is not.
    const found = renewalsDue(evidence(expiresOn), '2026-11-29');
    expect(found.length ? found[0]!.state : 'not yet').toBe(state);
  });

  it.each([
    ['2026-11-28', 'expired'],
    ['2026-11-29', 'due'],
  ])('expiring on %s is %s on 29 November', (expiresOn, state) => {
    expect(renewalsDue(evidence(expiresOn), '2026-11-29')[0]?.state).toBe(state);
  });
});

describe('insurance minimums: £5m public liability, £10m employers’ liability, £2m professional indemnity', () => {
  const stateOf = (
    type: 'public_liability' | 'employers_liability' | 'professional_indemnity',
    levelPounds: number,
  ) =>
    checkInsuranceCover([{ type, levelPounds, expiresOn: '2027-06-30' }], '2026-11-29').find(
      (c) => c.type === type,
    )?.state;
  it.each([
    ['public_liability', 5_000_000],
    ['employers_liability', 10_000_000],
    ['professional_indemnity', 2_000_000],
  ] as const)(
    '%s: a pound under %i is below the minimum; the minimum and a pound over are in date',
    (type, minimum) => {
      expect(stateOf(type, minimum - 1)).toBe('below_minimum');
      expect(stateOf(type, minimum)).toBe('in_date');
      expect(stateOf(type, minimum + 1)).toBe('in_date');
    },
  );
});
