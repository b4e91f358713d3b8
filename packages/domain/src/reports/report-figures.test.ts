import { describe, expect, it } from 'vitest';
import { costPerDayPence, planProgress, pounds, suppress, suppressFigure } from './report-figures.ts';

describe('governors’ report figures', () => {
  it('suppresses 1 to 4 in group and regional reports only', () => {
    expect([0, 1, 4, 5, 12].map((n) => suppress(n, true))).toEqual([
      0,
      'fewer than 5',
      'fewer than 5',
      5,
      12,
    ]);
    expect(suppress(3, false)).toBe(3);
  });

  it('compares costs per pupil per day', () => {
    expect(costPerDayPence(6000, 'session')).toBe(12000);
    expect(costPerDayPence(12000, 'day')).toBe(12000);
    expect(costPerDayPence(60000, 'week')).toBe(12000);
    expect(costPerDayPence(null, 'day')).toBeNull();
    expect(pounds(12000)).toBe('£120.00');
  });
});

describe('what placements cost', () => {
  const sessions = [
    { date: '2026-01-12' },
    { date: '2026-01-12' },
    { date: '2026-01-13' },
    { date: '2026-01-19' },
    { date: '2026-01-19' },
    { date: '2026-01-20' },
  ];
  it('charges by the session, the day or the week', async () => {
    const { placementCostPence } = await import('./report-figures.ts');
    expect(placementCostPence(5000, 'session', sessions, 2)).toBe(30000);
    expect(placementCostPence(9000, 'day', sessions, 2)).toBe(36000);
    expect(placementCostPence(18000, 'week', sessions, 2)).toBe(36000);
    expect(placementCostPence(null, 'day', sessions, 2)).toBe(0);
  });

  it('counts objectives and targets with progress recorded at a review in the term', () => {
    const placements = [
      { id: 'p1', objectives: [{ id: 'o1' }, { id: 'o2' }], reintegrationTargets: [{ id: 'r1' }] },
      { id: 'p2', objectives: [{ id: 'o1' }], reintegrationTargets: [] },
    ];
    expect(
      planProgress(placements, [
        {
          placementId: 'p1',
          progress: [
            { targetId: 'o1', progress: 'Attends every day' },
            { targetId: 'r1', progress: ' ' },
          ],
        },
        // p2's objective shares an id with p1's: it is not counted from p1's review.
        { placementId: 'p2', progress: null },
      ]),
    ).toEqual({
      objectives: 3,
      objectivesReviewed: 1,
      reintegrationTargets: 1,
      reintegrationTargetsReviewed: 0,
    });
  });
});

describe('costs and progress without every figure', () => {
  it('has no daily cost without a cost or without what it is charged per', () => {
    expect(costPerDayPence(null, 'session')).toBeNull();
    expect(costPerDayPence(null, 'week')).toBeNull();
    expect(costPerDayPence(6000, null)).toBeNull();
    // A week's cost that does not divide by five is rounded to the penny.
    expect(costPerDayPence(60002, 'week')).toBe(12000);
    expect(costPerDayPence(60003, 'week')).toBe(12001);
  });

  it('costs nothing when what it is charged per is not known, or no sessions were timetabled', async () => {
    const { placementCostOfCounts } = await import('./report-figures.ts');
    expect(placementCostOfCounts(18000, null, { sessions: 4, days: 2 }, 2)).toBe(0);
    expect(placementCostOfCounts(18000, 'week', { sessions: 4, days: 2 }, 0)).toBe(0);
    expect(placementCostOfCounts(18000, 'week', { sessions: 1, days: 1 }, 3)).toBe(6000);
  });

  it('counts reintegration targets reviewed across placements', () => {
    const placements = [
      { id: 'p1', objectives: [], reintegrationTargets: [{ id: 'r1' }, { id: 'r2' }] },
      { id: 'p2', objectives: [], reintegrationTargets: [{ id: 'r1' }] },
    ];
    const progress = (placementId: string, targetId: string) => ({
      placementId,
      progress: [{ targetId, progress: 'Back in maths' }],
    });
    expect(
      planProgress(placements, [progress('p1', 'r1'), progress('p1', 'r2'), progress('p2', 'r1')]),
    ).toEqual({
      objectives: 0,
      objectivesReviewed: 0,
      reintegrationTargets: 3,
      reintegrationTargetsReviewed: 3,
    });
  });
});

describe('averages and percentages from few people', () => {
  it('hides a figure drawn from 1 to 4 people where counts are suppressed, shows it from 5, and at a school', () => {
    expect(suppressFigure(2, 1, true)).toBe('fewer than 5');
    expect(suppressFigure(2, 4, true)).toBe('fewer than 5');
    expect(suppressFigure(2, 5, true)).toBe(2);
    expect(suppressFigure(2, 1, false)).toBe(2);
    expect(suppressFigure(null, 0, true)).toBeNull();
  });
});
