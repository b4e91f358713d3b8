import { describe, expect, it } from 'vitest';
import {
  changesProvision,
  type PlacementTerms,
  termPeriods,
  termsDiffer,
  termsOn,
} from './placement-terms.ts';

const mornings = (days: readonly ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[], hours = 3): PlacementTerms => ({
  sessions: days.map((day) => ({ day, session: 'am' as const, hours })),
  costPence: 10_000,
  costPer: 'day',
  attendanceTargetPercent: 90,
});
const five = mornings(['mon', 'tue', 'wed', 'thu', 'fri']);
const two = mornings(['mon', 'tue']);
const one = mornings(['mon']);

describe('terms in force on a day', () => {
  // Five days until Sunday 25 January, two from Monday 26th, one from Monday 9 February.
  const changes = [
    { effectiveFrom: '2026-02-09', previous: two },
    { effectiveFrom: '2026-01-26', previous: five },
  ];

  it('reads the terms a change replaced up to the day before it, and the latest from the last change on', () => {
    expect(termsOn(one, changes, '2026-01-25')).toBe(five);
    expect(termsOn(one, changes, '2026-01-26')).toBe(two);
    expect(termsOn(one, changes, '2026-02-08')).toBe(two);
    expect(termsOn(one, changes, '2026-02-09')).toBe(one);
    expect(termsOn(one, [], '2020-01-01')).toBe(one);
  });

  it('splits the placement into periods in date order, the first from its start and the last to its end', () => {
    expect(termPeriods(one, changes)).toEqual([
      { from: null, to: '2026-01-25', terms: five },
      { from: '2026-01-26', to: '2026-02-08', terms: two },
      { from: '2026-02-09', to: null, terms: one },
    ]);
  });
});

describe('what counts as a change', () => {
  it('dates any change of sessions, hours, cost or target, but not a cost recorded where none was', () => {
    expect(termsDiffer(five, { ...five })).toBe(false);
    expect(termsDiffer(five, two)).toBe(true);
    expect(termsDiffer(five, mornings(['mon', 'tue', 'wed', 'thu', 'fri'], 3.5))).toBe(true);
    expect(termsDiffer(five, { ...five, costPence: 9_000 })).toBe(true);
    expect(termsDiffer(five, { ...five, attendanceTargetPercent: 89 })).toBe(true);
    expect(termsDiffer({ ...five, costPence: null, costPer: null }, five)).toBe(false);
    expect(termsDiffer(five, { ...five, costPence: null, costPer: null })).toBe(true);
  });

  it('calls a change of days or hours a change of provision (an EHCP review), not a change of cost', () => {
    expect(changesProvision(five, two)).toBe(true);
    expect(changesProvision(five, mornings(['mon', 'tue', 'wed', 'thu', 'fri'], 3.5))).toBe(true);
    expect(changesProvision(five, { ...five, costPence: 1 })).toBe(false);
    // The same days and hours in other sessions: the provision the EHCP describes is unchanged.
    const afternoons = { ...five, sessions: five.sessions.map((s) => ({ ...s, session: 'pm' as const })) };
    expect(changesProvision(five, afternoons)).toBe(false);
  });
});
