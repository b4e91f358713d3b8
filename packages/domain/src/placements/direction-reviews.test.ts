import { describe, expect, it } from 'vitest';
import { directionReviewInputSchema, directionReviewRequestState } from './direction-reviews.ts';

describe('a request to review an off-site direction', () => {
  it('is owed with no review ever held, and met by a review held on or after the day it was asked for', () => {
    expect(directionReviewRequestState('2026-03-16', [])).toEqual({ state: 'to_hold', lastHeldOn: null });
    expect(directionReviewRequestState('2026-03-16', ['2026-03-16'])).toEqual({
      state: 'held',
      lastHeldOn: '2026-03-16',
    });
    // The first review after the request is the one that met it.
    expect(directionReviewRequestState('2026-03-16', ['2026-04-20', '2026-03-20'])).toEqual({
      state: 'held',
      lastHeldOn: '2026-03-20',
    });
  });

  it('is not owed after a recent review, and names the latest one before it', () => {
    expect(directionReviewRequestState('2026-03-16', ['2025-12-01', '2026-02-02', '2026-01-12'])).toEqual({
      state: 'not_required',
      lastHeldOn: '2026-02-02',
    });
    // An older review does not excuse it; the answer names that review as the last.
    expect(directionReviewRequestState('2026-03-16', ['2025-12-01'])).toEqual({
      state: 'to_hold',
      lastHeldOn: '2025-12-01',
    });
  });

  it('is recorded with who asked, and a review with what the board decided and why', () => {
    const issues = (value: unknown) =>
      directionReviewInputSchema.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]) ??
      [];
    expect(issues({ kind: 'requested', on: '2026-03-16', requestedBy: 'parents' })).toEqual([]);
    expect(issues({ kind: 'requested', on: '2026-03-16', requestedBy: 'pupil' })).toEqual([
      ['requestedBy', 'Say who asked: the parents, or the local authority'],
    ]);
    expect(issues({ kind: 'held', on: '2026-03-20', outcome: 'continue', note: 'ok' })).toEqual([
      ['note', 'Say what the board considered and why it decided so'],
    ]);
    expect(
      issues({ kind: 'held', on: '2026-03-20', outcome: 'stop', note: 'Attendance has improved' }),
    ).toEqual([['outcome', 'Choose what the board decided']]);
    expect(issues({ kind: 'appeal', on: '2026-03-20' })).toEqual([
      ['kind', 'Choose a request for a review, or a review the board held'],
    ]);
  });
});
