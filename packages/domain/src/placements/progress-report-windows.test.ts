import { describe, expect, it } from 'vitest';
import { halfTerms } from '../warnings/test-calendar.ts';
import { progressReportDue, progressReportWindows } from './progress-report-windows.ts';

// Autumn 2 3 Nov – 19 Dec 2025, Spring 1 5 Jan – 13 Feb 2026, Spring 2 23 Feb – 27 Mar 2026.
const placed = { startsOn: '2025-11-03', halfTerms, reportDates: [] as string[] };
const dueOn = (today: string, more: Partial<typeof placed> = {}) => {
  const w = progressReportDue({ ...placed, ...more, today });
  return w && { half: `${w.halfTerm.term} ${w.halfTerm.half}`, until: w.until };
};

describe('progress report windows', () => {
  it('run from a half-term’s first day to the day before the next begins; the last one two weeks on', () => {
    expect(progressReportWindows([...halfTerms].reverse()).map((w) => [w.from, w.until])).toEqual([
      ['2025-11-03', '2026-01-04'],
      ['2026-01-05', '2026-02-22'],
      ['2026-02-23', '2026-04-10'],
    ]);
  });
});

describe('the progress report a provider owes today', () => {
  it('is the half-term whose window is open, due by the window’s last day', () => {
    expect(dueOn('2026-01-04')).toEqual({ half: 'autumn 2', until: '2026-01-04' });
    expect(dueOn('2026-01-05')).toEqual({ half: 'spring 1', until: '2026-02-22' });
    // In the holiday after Spring 1 it is still Spring 1's report.
    expect(dueOn('2026-02-22')).toEqual({ half: 'spring 1', until: '2026-02-22' });
    expect(dueOn('2026-02-23')).toEqual({ half: 'spring 2', until: '2026-04-10' });
    expect(dueOn('2026-04-10')).toEqual({ half: 'spring 2', until: '2026-04-10' });
    // No half-term set beyond: nothing to ask for.
    expect(dueOn('2026-04-11')).toBeNull();
    expect(dueOn('2025-11-02')).toBeNull();
  });

  it('is met by a report dated inside the window, not just outside it', () => {
    expect(dueOn('2026-02-10', { reportDates: ['2026-01-05'] })).toBeNull();
    expect(dueOn('2026-02-10', { reportDates: ['2026-02-22'] })).toBeNull();
    expect(dueOn('2026-02-10', { reportDates: ['2026-01-04', '2026-02-23'] })).toEqual({
      half: 'spring 1',
      until: '2026-02-22',
    });
  });

  it('is owed only for a half-term the pupil has been placed for since its first day', () => {
    expect(dueOn('2026-02-10', { startsOn: '2026-01-05' })).toEqual({
      half: 'spring 1',
      until: '2026-02-22',
    });
    expect(dueOn('2026-02-10', { startsOn: '2026-01-06' })).toBeNull();
  });
});
