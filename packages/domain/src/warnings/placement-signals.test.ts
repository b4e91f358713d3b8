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
      reason: 'No contact with Harbour Learning about Jordan Reeve logged since 2026-01-20 (21 days).',
    });
    expect(noContactWarning(subject, { ...base, lastContactOn: null }, settings)?.reason).toContain(
      'since the placement started on 2026-01-05 (36 days)',
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
      'Reintegration target “Maths lessons back at school” passed its date, 2026-02-01, with no progress recorded.',
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
        'The off-site direction reaches its agreed maximum of 30 school days on 2026-02-13, in 14 days.',
    });
    expect(directionEndingWarning(subject, { ...direction, today: '2026-02-16' }, settings)?.measure).toBe(2);
    expect(
      directionEndingWarning(subject, { ...direction, maximumDays: 90, today: '2026-03-01' }, settings),
    ).toBeNull();
  });
});
