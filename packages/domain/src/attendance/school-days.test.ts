import { describe, expect, it } from 'vitest';
import { placementCostOfCounts } from '../reports/report-figures.ts';
import { schoolDaysBetween, timetabledCounts } from './expected-sessions.ts';

// Monday 2 to Friday 13 November 2026, with Wednesday 11th an INSET day.
const calendar = { isSchoolDay: (date: string) => date !== '2026-11-11' && date <= '2026-11-13' };

describe('counting a placement against the school days', () => {
  it("lists the calendar's school days with their weekday once", () => {
    const days = schoolDaysBetween(calendar, '2026-11-02', '2026-11-15');
    expect(days).toHaveLength(9);
    expect(days[0]).toEqual({ date: '2026-11-02', weekday: 'mon' });
    expect(days.some((d) => d.date === '2026-11-11' || d.date === '2026-11-14')).toBe(false);
  });

  it('counts timetabled sessions and days between two dates, and costs them', () => {
    const days = schoolDaysBetween(calendar, '2026-11-02', '2026-11-15');
    const sessions = [
      { day: 'mon' as const, session: 'am' as const, hours: 3 },
      { day: 'mon' as const, session: 'pm' as const, hours: 2 },
      { day: 'wed' as const, session: 'am' as const, hours: 3 },
    ];
    // Two Mondays (two sessions each) and one Wednesday (the other is the INSET day).
    const counted = timetabledCounts(days, sessions, '2026-11-02', '2026-11-13');
    expect(counted).toEqual({ sessions: 5, days: 3 });
    expect(timetabledCounts(days, sessions, '2026-11-03', '2026-11-09')).toEqual({ sessions: 3, days: 2 });
    expect(placementCostOfCounts(6000, 'session', counted, 2)).toBe(30000);
    expect(placementCostOfCounts(10000, 'day', counted, 2)).toBe(30000);
    expect(placementCostOfCounts(20000, 'week', counted, 2)).toBe(30000);
    expect(placementCostOfCounts(null, 'week', counted, 2)).toBe(0);
  });
});
