import { describe, expect, it } from 'vitest';
import { clockStartingAt } from './clock.ts';

describe('a clock set to start at an instant', () => {
  it('reads that instant at once, then moves as real time moves', () => {
    let real = Date.parse('2030-05-01T12:00:00Z');
    const clock = clockStartingAt(new Date('2026-11-29T15:00:00Z'), () => real);
    expect(clock().toISOString()).toBe('2026-11-29T15:00:00.000Z');
    real += 90_000;
    expect(clock().toISOString()).toBe('2026-11-29T15:01:30.000Z');
  });
});
