/**
 * Each number the policy and the domain reference fix, tested just below it, at it and just above it,
 * with the number written here as a literal: a rule that moved its line by one (≥ to >, 10 to 11)
 * fails here, whatever constant it reads.
 */
import { describe, expect, it } from 'vitest';
import {
  attendanceRateOfCounts,
  DEFAULT_ATTENDANCE_TARGET_PERCENT,
  isBelowAttendanceTarget,
} from './attendance/codes.ts';
import { shippedBankHolidays } from './calendar/bank-holidays.ts';
import { createSchoolCalendar } from './calendar/school-calendar.ts';
import type { HalfTerm } from './calendar/term-dates.ts';
import { type CensusPlacement, censusReturn } from './census/census.ts';
import { unresolvedNObligations } from './obligations/attendance-obligations.ts';
import { directionReviewRequestState } from './placements/direction-reviews.ts';
import { type PlacementFacts, startBlockers } from './placements/placement-rules.ts';
import { scheduleReviews } from './placements/reviews.ts';
import { evaluateApproval } from './providers/approval.ts';
import { checkInsuranceCover } from './providers/insurance.ts';
import { applyRegistrationTest } from './providers/registration-test.ts';
import { renewalsDue } from './providers/renewals.ts';
import { suppress } from './reports/report-figures.ts';
import { attendanceDropWarning, unexplainedAbsencesWarning } from './warnings/attendance-signals.ts';
import type { WarningSubject } from './warnings/early-warnings.ts';
import {
  directionEndingWarning,
  incidentsRisingWarning,
  noContactWarning,
} from './warnings/placement-signals.ts';
import { providerLapsesWarning } from './warnings/provider-signals.ts';
import { defaultWarningSettings } from './warnings/warning-settings.ts';

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

describe('attendance below the placement’s target (90% unless the plan says otherwise) opens an intervention', () => {
  it('the target is 90% by default', () => expect(DEFAULT_ATTENDANCE_TARGET_PERCENT).toBe(90));
  it.each([
    // Present (/) against unauthorised absence (O), out of 1,000 sessions.
    [899, true],
    [900, false],
    [901, false],
    // 89.96% shows as 90.0%: on target, as the school sees it.
    [899.6, false],
  ])('%d present sessions of 1,000: below 90%% %s', (present, below) => {
    const rate = attendanceRateOfCounts([
      { code: '/', count: present * 10 },
      { code: 'O', count: (1000 - present) * 10 },
    ]);
    expect(isBelowAttendanceTarget(rate, 90)).toBe(below);
  });
  it('no possible sessions, or no target: nothing to open', () => {
    expect(isBelowAttendanceTarget(attendanceRateOfCounts([]), 90)).toBe(false);
    expect(isBelowAttendanceTarget(attendanceRateOfCounts([{ code: 'O', count: 1 }]), null)).toBe(false);
  });
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
    referralSent: true,
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

describe('the board must review an off-site direction when asked, unless it did so in the last 10 weeks', () => {
  // Asked for on Monday 16 March 2026; 10 weeks before is Monday 5 January.
  it.each([
    ['2026-01-06', 'not_required'], // 69 days before
    ['2026-01-05', 'not_required'], // 70 days: 10 weeks to the day
    ['2026-01-04', 'to_hold'], // 71 days
  ])('a review held on %s makes the request %s', (heldOn, state) => {
    expect(directionReviewRequestState('2026-03-16', [heldOn]).state).toBe(state);
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

describe('a safeguarding assurance letter counts for 12 months from the day it was received', () => {
  const letterStep = (today: string) =>
    evaluateApproval(
      {
        audit: { status: 'submitted', suitable: true },
        registrationAlarm: false,
        registrationConfirmedOn: '2026-11-01',
        letterReceivedOn: '2025-11-29',
        insuranceBlocking: [],
        sla: { signed: true, endsOn: '2027-07-31' },
        decision: { kind: 'approved', on: '2025-12-01' },
      },
      today,
    ).steps.find((step) => step.id === 'letter')!.done;
  it.each([
    ['2026-11-28', true],
    ['2026-11-29', false],
    ['2026-11-30', false],
  ])('received on 29 November 2025, on %s: counts %s', (today, counts) => {
    // The anniversary is the day a new letter is needed: 365 days on, the old one no longer counts.
    expect(letterStep(today)).toBe(counts);
  });
});

describe('the registration test: 5 full-time pupils, or 1 looked after or with an EHCP', () => {
  it.each([
    [4, 0, false],
    [5, 0, true],
    [6, 0, true],
    [1, 0, false],
    [1, 1, true],
    [2, 2, true],
  ])(
    '%i full-time, %i of them looked after or with an EHCP: must register %s',
    (all, protectedPupils, must) => {
      const finding = applyRegistrationTest(
        { fullTimePupils: all, fullTimePupilsLookedAfterOrEhcp: protectedPupils },
        false,
      );
      expect(finding.mustRegister).toBe(must);
      // Not registered and bound to be: the alarm that blocks placements.
      expect(finding.alarm).toBe(must);
    },
  );
});

describe('early warnings at the trust’s default thresholds', () => {
  const subject: WarningSubject = {
    placementId: 'pl',
    providerId: 'pr',
    pupilName: 'A pupil',
    providerName: 'A provider',
    schoolId: 's',
    schoolName: 'A school',
  };
  const settings = defaultWarningSettings;

  it('the defaults are the numbers below', () => {
    expect(settings).toMatchObject({
      unexplainedAbsences: 3,
      unexplainedWindowSchoolDays: 10,
      attendanceDropPoints: 15,
      attendanceMinimumSessions: 10,
      silenceDays: 21,
      providerLapsedItems: 2,
      directionNoticeDays: 14,
      incidentWindowWeeks: 4,
      referralNoticeSchoolDays: 10,
    });
  });

  it.each([
    [2, false],
    [3, true],
    [4, true],
  ])('%i unexplained absences in the window: warned %s', (count, warned) => {
    const schoolDays = ['2026-01-12', '2026-01-09', '2026-01-08', '2026-01-07', '2026-01-06'];
    const marks = schoolDays.slice(0, count).map((date) => ({ date, code: 'N' }));
    expect(Boolean(unexplainedAbsencesWarning(subject, { marks, schoolDays }, settings))).toBe(warned);
  });

  it.each([
    // Last half-term 100 of 100 sessions; this half-term's attended out of 100.
    [86, 14, false],
    [85, 15, true],
    [84, 16, true],
  ])('attendance from 100%% to %i%% (%i points down): warned %s', (attended, _points, warned) => {
    const warning = attendanceDropWarning(
      subject,
      { previous: { attended: 100, possible: 100 }, current: { attended, possible: 100 } },
      settings,
    );
    expect(Boolean(warning)).toBe(warned);
  });

  it.each([
    [9, false],
    [10, true],
  ])('a half-term of %i possible sessions is compared: %s', (possible, compared) => {
    const warning = attendanceDropWarning(
      subject,
      { previous: { attended: possible, possible }, current: { attended: 0, possible } },
      settings,
    );
    expect(Boolean(warning)).toBe(compared);
  });

  it.each([
    ['2026-01-21', 20, false],
    ['2026-01-22', 21, true],
    ['2026-01-23', 22, true],
  ])('no contact since 1 January, on %s (%i days): warned %s', (today, _days, warned) => {
    const warning = noContactWarning(
      subject,
      { lastContactOn: '2026-01-01', startsOn: '2025-12-01', today },
      settings,
    );
    expect(Boolean(warning)).toBe(warned);
  });

  it.each([
    [1, false],
    [2, true],
    [3, true],
  ])('%i provider items lapsed at once: warned %s', (lapsed, warned) => {
    const items = [0, 1, 2, 3].map((i) => ({ what: `item ${i}`, lapsed: i < lapsed }));
    expect(Boolean(providerLapsesWarning(subject, items, settings))).toBe(warned);
  });

  it.each([
    // A 20-school-day direction from Monday 5 January ends on Friday 30 January.
    ['2026-01-15', 15, false],
    ['2026-01-16', 14, true],
    ['2026-01-17', 13, true],
  ])('a direction ending on 30 January, on %s (%i days left): warned %s', (today, _left, warned) => {
    const warning = directionEndingWarning(
      subject,
      { startsOn: '2026-01-05', maximumDays: 20, calendar, today },
      settings,
    );
    expect(Boolean(warning)).toBe(warned);
  });

  it.each([
    [1, 1, false],
    [2, 1, true],
  ])('%i incidents in the last 4 weeks against %i in the 4 before: warned %s', (recent, earlier, warned) => {
    // Today 1 March: the last 4 weeks run from 2 February; the 4 before from 5 January.
    const incidentDates = [
      ...Array.from({ length: recent }, () => '2026-02-02'),
      ...Array.from({ length: earlier }, () => '2026-02-01'),
    ];
    expect(Boolean(incidentsRisingWarning(subject, { incidentDates, today: '2026-03-01' }, settings))).toBe(
      warned,
    );
  });
});
