import { describe, expect, it } from 'vitest';
import {
  directionEndingWarning,
  incidentsRisingWarning,
  noContactWarning,
  noProgressReportWarning,
  targetOverdueWarning,
} from './placement-signals.ts';
import { calendar, halfTerms, subject } from './test-calendar.ts';
import { defaultWarningSettings as settings } from './warning-settings.ts';

describe('incidents rising', () => {
  const today = '2026-03-01';
  it('compares the last four weeks with the four before, each day in exactly one window', () => {
    // Recent: 2 Feb – 1 Mar; before: 5 Jan – 1 Feb.
    const dates = ['2026-01-05', '2026-02-01', '2026-02-02', '2026-02-20', '2026-03-01'];
    expect(incidentsRisingWarning(subject, { incidentDates: dates, today }, settings)).toMatchObject({
      measure: 3,
      reason: '3 behaviour or restraint incidents in the last 4 weeks, up from 2 in the 4 weeks before.',
    });
    expect(
      incidentsRisingWarning(subject, { incidentDates: [...dates, '2026-01-20'], today }, settings),
    ).toBeNull();
    // Older than eight weeks counts in neither.
    expect(incidentsRisingWarning(subject, { incidentDates: ['2026-01-04'], today }, settings)).toBeNull();
  });
});

describe('silence', () => {
  it('no contact for three weeks; none ever logged counts from the start; longer silence is worse', () => {
    const base = { startsOn: '2026-01-05', today: '2026-02-10' };
    expect(noContactWarning(subject, { ...base, lastContactOn: '2026-01-21' }, settings)).toBeNull();
    expect(noContactWarning(subject, { ...base, lastContactOn: '2026-01-20' }, settings)).toMatchObject({
      measure: 1,
      reason: 'No contact with Harbour Learning about Jordan Reeve logged since 20 Jan 2026 (21 days).',
    });
    expect(noContactWarning(subject, { ...base, lastContactOn: null }, settings)?.reason).toContain(
      'since the placement started on 5 Jan 2026 (36 days)',
    );
    expect(
      noContactWarning(subject, { ...base, lastContactOn: null, today: '2026-02-16' }, settings)?.measure,
    ).toBe(2);
  });

  it('no progress report for the last completed half-term the pupil was placed for throughout', () => {
    const base = { startsOn: '2025-11-03', halfTerms, today: '2026-02-20' };
    expect(
      noProgressReportWarning(subject, { ...base, reportDates: ['2025-12-10'] }, settings),
    ).toMatchObject({
      measure: 1,
      reason: 'No progress report from Harbour Learning for Spring 1 2025/26.',
    });
    // Written in the holiday after the half-term: it counts for that half-term.
    expect(noProgressReportWarning(subject, { ...base, reportDates: ['2026-02-18'] }, settings)).toBeNull();
    // Placed part-way through Spring 1: nothing to expect yet.
    expect(
      noProgressReportWarning(subject, { ...base, startsOn: '2026-01-12', reportDates: [] }, settings),
    ).toBeNull();
    // Two half-terms without a report, with the setting at two.
    expect(
      noProgressReportWarning(
        subject,
        { ...base, reportDates: [] },
        { ...settings, progressReportHalfTerms: 2 },
      ),
    ).toMatchObject({
      measure: 2,
      reason: 'No progress report from Harbour Learning for the last 2 half-terms.',
    });
    // The half-term under way is not judged.
    expect(
      noProgressReportWarning(
        subject,
        { ...base, today: '2026-02-12', reportDates: ['2025-12-10'] },
        settings,
      ),
    ).toBeNull();
  });
});

describe('drift', () => {
  const target = { id: 't1', text: 'Maths lessons back at school', targetDate: '2026-02-01' };
  it('a reintegration target past its date without progress recorded at a review on or after it', () => {
    const today = '2026-02-10';
    const held = (completedOn: string, progress: string) => ({
      completedOn,
      progress: [{ targetId: 't1', progress }],
    });
    expect(
      targetOverdueWarning(subject, {
        targets: [target],
        reviews: [held('2026-02-05', 'Two lessons a week')],
        today,
      }),
    ).toBeNull();
    expect(
      targetOverdueWarning(subject, { targets: [target], reviews: [held('2026-02-05', ' ')], today }),
    ).toMatchObject({ measure: 1 });
    expect(
      targetOverdueWarning(subject, { targets: [target], reviews: [held('2026-01-20', 'Started')], today })
        ?.reason,
    ).toBe(
      'Reintegration target “Maths lessons back at school” passed its date, 1 Feb 2026, with no progress recorded.',
    );
    // On its date it is not yet past.
    expect(targetOverdueWarning(subject, { targets: [target], reviews: [], today: '2026-02-01' })).toBeNull();
  });

  it('an off-site direction within two weeks of its agreed maximum, and worse once past it', () => {
    // 30 school days from Monday 5 January: the 30th is Friday 13 February.
    expect(calendar.addSchoolDays('2026-01-05', 29)).toBe('2026-02-13');
    const direction = { startsOn: '2026-01-05', maximumDays: 30, calendar };
    expect(directionEndingWarning(subject, { ...direction, today: '2026-01-29' }, settings)).toBeNull();
    expect(directionEndingWarning(subject, { ...direction, today: '2026-01-30' }, settings)).toMatchObject({
      measure: 1,
      reason:
        'The off-site direction reaches its agreed maximum of 30 school days on 13 Feb 2026, in 14 days.',
    });
    expect(directionEndingWarning(subject, { ...direction, today: '2026-02-16' }, settings)?.measure).toBe(2);
    expect(
      directionEndingWarning(subject, { ...direction, maximumDays: 90, today: '2026-03-01' }, settings),
    ).toBeNull();
  });
});

describe('each placement warning in full', () => {
  // The whole warning, so the key an acknowledgement finds, the action and its link are pinned too.
  const warning = (kind: string, rest: object) => ({
    ...subject,
    key: `${kind}:p1`,
    kind,
    step: 1,
    ...rest,
  });

  it('incidents rising, in one week, with one incident against none', () => {
    expect(
      incidentsRisingWarning(
        subject,
        { incidentDates: ['2026-02-23'], today: '2026-03-01' },
        { incidentWindowWeeks: 1 },
      ),
    ).toEqual(
      warning('incidents_rising', {
        reason: '1 behaviour or restraint incident in the last 1 week, up from 0 in the 1 week before.',
        measure: 1,
        action: { label: 'Read the incidents and talk to the provider', link: '/placements/p1' },
      }),
    );
    // The week before runs from 16 to 22 February.
    const twoThisWeek = ['2026-02-23', '2026-02-24'];
    const oneWeek = { incidentWindowWeeks: 1 };
    const today = '2026-03-01';
    expect(
      incidentsRisingWarning(subject, { incidentDates: [...twoThisWeek, '2026-02-16'], today }, oneWeek)
        ?.reason,
    ).toContain('up from 1');
    expect(
      incidentsRisingWarning(subject, { incidentDates: [...twoThisWeek, '2026-02-15'], today }, oneWeek)
        ?.reason,
    ).toContain('up from 0');
    // Counted up to today and not after it: tomorrow's date (a mistyped one) is in neither window.
    expect(
      incidentsRisingWarning(subject, { incidentDates: ['2026-03-02'], today: '2026-03-01' }, settings),
    ).toBeNull();
  });

  it('no contact, counted from the last contact only when it came after the start', () => {
    const base = { startsOn: '2026-01-05', today: '2026-02-10' };
    expect(noContactWarning(subject, { ...base, lastContactOn: '2026-01-01' }, settings)).toEqual(
      warning('no_contact', {
        reason: 'No contact with Harbour Learning about Jordan Reeve logged since 1 Jan 2026 (36 days).',
        measure: 1,
        action: { label: 'Call the provider and log the contact', link: '/placements/p1' },
      }),
    );
    // Contact on the day it started: counted from that day either way.
    expect(noContactWarning(subject, { ...base, lastContactOn: '2026-01-05' }, settings)?.reason).toContain(
      '(36 days)',
    );
    expect(noContactWarning(subject, { ...base, lastContactOn: '2026-01-06' }, settings)?.reason).toContain(
      '(35 days)',
    );
  });

  it('no progress report, after the last half-term of the year has its two weeks', () => {
    const base = { startsOn: '2025-11-03', halfTerms, reportDates: ['2025-12-10', '2026-02-18'] };
    // Spring 2 ends 27 March; with no half-term after it, a report until 10 April counts.
    expect(
      noProgressReportWarning(
        subject,
        { ...base, reportDates: [...base.reportDates, '2026-04-10'], today: '2026-04-20' },
        settings,
      ),
    ).toBeNull();
    expect(
      noProgressReportWarning(
        subject,
        { ...base, reportDates: [...base.reportDates, '2026-04-11'], today: '2026-04-20' },
        settings,
      ),
    ).toEqual(
      warning('no_progress_report', {
        reason: 'No progress report from Harbour Learning for Spring 2 2025/26.',
        measure: 1,
        action: { label: 'Ask the provider for a progress report', link: '/placements/p1' },
      }),
    );
    // A report dated the day a half-term starts counts for it; the day before does not.
    expect(
      noProgressReportWarning(
        subject,
        { ...base, reportDates: ['2025-12-10', '2026-01-05'], today: '2026-02-20' },
        settings,
      ),
    ).toBeNull();
    expect(
      noProgressReportWarning(
        subject,
        { ...base, reportDates: ['2025-12-10', '2026-01-04'], today: '2026-02-20' },
        settings,
      )?.measure,
    ).toBe(1);
    // The half-term ending today is not over yet.
    expect(
      noProgressReportWarning(
        subject,
        { ...base, reportDates: ['2025-12-10'], today: '2026-02-13' },
        settings,
      ),
    ).toBeNull();
    // Half-terms given in any order are read in date order.
    expect(
      noProgressReportWarning(
        subject,
        { ...base, halfTerms: [...halfTerms].reverse(), reportDates: ['2025-12-10'], today: '2026-02-20' },
        settings,
      )?.reason,
    ).toBe('No progress report from Harbour Learning for Spring 1 2025/26.');
  });

  it('targets overdue, naming the first of several', () => {
    const targets = [
      { id: 't1', text: 'Maths lessons back at school', targetDate: '2026-02-01' },
      { id: 't2', text: 'Attend tutor time', targetDate: '2026-02-03' },
      { id: 't3', text: 'No date yet' },
    ];
    expect(targetOverdueWarning(subject, { targets, reviews: [], today: '2026-02-10' })).toEqual(
      warning('target_overdue', {
        reason:
          '2 reintegration targets have passed their dates with no progress recorded (the first: “Maths lessons back at school”, 1 Feb 2026).',
        measure: 2,
        action: { label: 'Review progress against the targets', link: '/placements/p1' },
      }),
    );
    expect(
      targetOverdueWarning(subject, { targets: [targets[2]!], reviews: [], today: '2026-02-10' }),
    ).toBeNull();
  });

  it('a direction ending tomorrow, today and yesterday', () => {
    const direction = { startsOn: '2026-01-05', maximumDays: 30, calendar };
    expect(directionEndingWarning(subject, { ...direction, today: '2026-02-12' }, settings)).toEqual(
      warning('direction_ending', {
        reason:
          'The off-site direction reaches its agreed maximum of 30 school days on 13 Feb 2026, in 1 day.',
        measure: 1,
        action: { label: 'Review the direction: extend, end or return', link: '/placements/p1' },
      }),
    );
    expect(directionEndingWarning(subject, { ...direction, today: '2026-02-13' }, settings)).toMatchObject({
      reason:
        'The off-site direction reaches its agreed maximum of 30 school days on 13 Feb 2026, in 0 days.',
      measure: 1,
    });
    expect(directionEndingWarning(subject, { ...direction, today: '2026-02-14' }, settings)).toMatchObject({
      reason: 'The off-site direction passed its agreed maximum of 30 school days on 13 Feb 2026.',
      measure: 2,
    });
    // A placement that is not an off-site direction has no maximum.
    expect(
      directionEndingWarning(subject, { ...direction, maximumDays: null, today: '2026-02-14' }, settings),
    ).toBeNull();
  });
});
