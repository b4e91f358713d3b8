import { describe, expect, it } from 'vitest';
import { createSchoolCalendar } from '../calendar/school-calendar.ts';
import { reducedTimetableProblems, reducedTimetableSessions } from './reduced-timetable.ts';

// Autumn 2026: half-term 26–30 October; Wednesday 4 November an INSET day.
const calendar = createSchoolCalendar({
  halfTerms: [
    { academicYear: '2026/27', term: 'autumn', half: 1, startsOn: '2026-09-03', endsOn: '2026-10-23' },
    { academicYear: '2026/27', term: 'autumn', half: 2, startsOn: '2026-11-02', endsOn: '2026-12-18' },
  ],
  closureDays: [{ date: '2026-11-04', kind: 'inset', note: 'INSET' }],
});

const reduced = {
  sessions: [
    { day: 'wed' as const, session: 'pm' as const },
    { day: 'fri' as const, session: 'am' as const },
  ],
  agreedWithParentsOn: '2026-10-21',
  endsOn: '2026-11-13',
  reviewOn: '2026-11-06',
};

describe('reduced timetables', () => {
  it('codes the agreed sessions on school days from agreement to end, not holidays or INSET', () => {
    const sessions = reducedTimetableSessions({
      reduced,
      calendar,
      placementStartsOn: '2026-09-07',
      placementEndsOn: null,
      from: '2026-10-19',
      to: '2026-11-30',
    });
    expect(sessions).toEqual([
      { date: '2026-10-21', session: 'pm' },
      { date: '2026-10-23', session: 'am' },
      { date: '2026-11-06', session: 'am' },
      { date: '2026-11-11', session: 'pm' },
      { date: '2026-11-13', session: 'am' },
    ]);
  });

  it('stops at the placement’s end when sooner, and runs on without an end date', () => {
    const args = { calendar, placementStartsOn: '2026-09-07', from: '2026-11-09', to: '2026-11-20' };
    expect(reducedTimetableSessions({ ...args, reduced, placementEndsOn: '2026-11-11' })).toEqual([
      { date: '2026-11-11', session: 'pm' },
    ]);
    expect(
      reducedTimetableSessions({ ...args, reduced: { ...reduced, endsOn: null }, placementEndsOn: null }),
    ).toHaveLength(4);
  });

  it('is a duty without an end or review date, past its end, and from a week before its review', () => {
    expect(reducedTimetableProblems(reduced, '2026-10-29')).toEqual([]);
    expect(reducedTimetableProblems(reduced, '2026-10-30').map((p) => p.dueOn)).toEqual(['2026-11-06']);
    expect(reducedTimetableProblems(reduced, '2026-11-13').map((p) => p.dueOn)).toEqual(['2026-11-06']);
    // The day after the end: the end and the passed review are both due.
    expect(reducedTimetableProblems(reduced, '2026-11-14').map((p) => p.problem)).toEqual([
      'the reduced timetable ended on 13 Nov 2026: restore the full timetable or agree a new end date',
      'the reduced timetable was due for review on 6 Nov 2026: review it with the parents and set the next date',
    ]);
    expect(
      reducedTimetableProblems({ ...reduced, endsOn: null, reviewOn: null }, '2026-10-22').map((p) => [
        p.problem,
        p.dueOn,
      ]),
    ).toEqual([
      ['the reduced timetable has no end date', '2026-10-21'],
      ['the reduced timetable has no review date', '2026-10-21'],
    ]);
  });
});
