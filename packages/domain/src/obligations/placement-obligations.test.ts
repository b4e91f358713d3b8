import { describe, expect, it } from 'vitest';
import {
  firstDayCallObligations,
  incidentActionObligations,
  incidentTriageObligations,
  interventionObligations,
  unresolvedNObligations,
} from './attendance-obligations.ts';
import {
  directionReviewObligations,
  ehcpReviewObligations,
  offRollPlacementObligations,
  offSiteDirectionEndObligations,
  placementReviewObligations,
  REFERRAL_CHECK_NOTICE_SCHOOL_DAYS,
  reducedTimetableObligations,
  referralCheckObligations,
  reintegrationTargetObligations,
  voiceRequestObligations,
} from './placement-obligations.ts';

const today = '2026-11-18';
const at = { schoolId: 's1', schoolName: 'Hillside Academy' };
const placement = { ...at, placementId: 'p1', pupilName: 'Jordan Reeve', providerName: 'Harbour Learning' };
/** Weekdays only, and no term dates after the end of 2026. */
const calendar = {
  addSchoolDays(date: string, n: number) {
    const d = new Date(`${date}T00:00:00Z`);
    for (let left = n; left > 0; ) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
    }
    const out = d.toISOString().slice(0, 10);
    if (out > '2026-12-31') throw new Error('no term dates');
    return out;
  },
};

/** Weekdays between two dates, as a calendar with no holidays counts school days. */
const weekdays = {
  schoolDaysBetween(from: string, to: string) {
    let count = 0;
    for (let d = new Date(`${from}T00:00:00Z`); d < new Date(`${to}T00:00:00Z`); ) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) count++;
    }
    return count;
  },
};

describe('referral checks', () => {
  const blockers = [
    { path: 'providerId', message: 'The provider is not approved (Awaiting letter)' },
    { path: 'agreement', message: 'Record the discussion with the pupil and parents and their agreement' },
  ];
  it('referral_check: each unmet check is due on the start date once it is within ten school days', () => {
    expect(REFERRAL_CHECK_NOTICE_SCHOOL_DAYS).toBe(10);
    // From Wednesday 18 November, 1 December is 9 school days on, 2 December 10 and 3 December 11.
    const due = (startsOn: string) =>
      referralCheckObligations(placement, { startsOn, blockers }, weekdays, today).map((o) => o.title);
    expect(due('2026-12-01')).toHaveLength(2);
    expect(due('2026-12-02')).toEqual([
      'Jordan Reeve at Harbour Learning, starting 2 Dec 2026: The provider is not approved (Awaiting letter)',
      'Jordan Reeve at Harbour Learning, starting 2 Dec 2026: Record the discussion with the pupil and parents and their agreement',
    ]);
    expect(due('2026-12-03')).toEqual([]);
    // A start already passed with checks still unmet stays on the board, overdue.
    expect(
      referralCheckObligations(placement, { startsOn: '2026-11-16', blockers }, weekdays, today),
    ).toHaveLength(2);
  });

  it('referral_check: a group’s own notice counts instead, in school days, or as weeks without term dates', () => {
    // Five school days from Wednesday 18 November: 25 November is the fifth, 26 November the sixth.
    const due = (startsOn: string, calendar: typeof weekdays | null) =>
      referralCheckObligations(placement, { startsOn, blockers }, calendar, today, 5).length;
    expect([due('2026-11-24', weekdays), due('2026-11-25', weekdays), due('2026-11-26', weekdays)]).toEqual([
      2, 2, 0,
    ]);
    // Without term dates five school days are seven days: to 25 November.
    expect([due('2026-11-25', null), due('2026-11-26', null)]).toEqual([2, 0]);
  });

  it('referral_check: nothing for a referral with no start date or nothing missing; two weeks without term dates', () => {
    expect(referralCheckObligations(placement, { startsOn: null, blockers }, weekdays, today)).toEqual([]);
    expect(
      referralCheckObligations(placement, { startsOn: '2026-11-20', blockers: [] }, weekdays, today),
    ).toEqual([]);
    expect(
      referralCheckObligations(placement, { startsOn: '2026-12-02', blockers }, null, today),
    ).toHaveLength(2);
    expect(referralCheckObligations(placement, { startsOn: '2026-12-03', blockers }, null, today)).toEqual(
      [],
    );
  });
});

describe('placement obligations', () => {
  it('placement_review: a review not yet held is due on its date, a held one is not', () => {
    const review = { halfTerm: 'Autumn 2', dueOn: '2026-12-11', completedOn: null };
    expect(placementReviewObligations(placement, review)).toEqual([
      {
        kind: 'placement_review',
        title: 'Autumn 2 review of Jordan Reeve at Harbour Learning',
        dueOn: '2026-12-11',
        link: '/placements/p1',
        ...at,
      },
    ]);
    expect(placementReviewObligations(placement, { ...review, completedOn: '2026-12-10' })).toEqual([]);
  });

  it('ehcp_review: due from the review that flagged it until it is arranged', () => {
    const flag = { localAuthority: 'Kent', flaggedOn: '2026-11-02', arrangedOn: null };
    const [item] = ehcpReviewObligations(placement, flag, today);
    expect(item).toMatchObject({
      kind: 'ehcp_review',
      dueOn: '2026-11-02',
      title: 'EHCP review for Jordan Reeve (Kent)',
    });
    expect(ehcpReviewObligations(placement, { ...flag, arrangedOn: '2026-11-09' }, today)).toEqual([]);
  });

  it('reintegration_target: shows two weeks ahead and clears when a review on or after the date records progress', () => {
    const target = { id: 't1', text: 'Attends two mornings a week at school', targetDate: '2026-12-01' };
    expect(
      reintegrationTargetObligations(placement, { ...target, targetDate: '2026-12-03' }, [], today),
    ).toEqual([]);
    expect(reintegrationTargetObligations(placement, target, [], today)[0]).toMatchObject({
      kind: 'reintegration_target',
      dueOn: '2026-12-01',
      title: "Jordan Reeve's reintegration target: Attends two mornings a week at school",
    });
    const early = {
      completedOn: '2026-11-20',
      progress: [{ targetId: 't1', progress: 'One morning so far' }],
    };
    const blank = { completedOn: '2026-12-02', progress: [{ targetId: 't1', progress: ' ' }] };
    const onTime = { completedOn: '2026-12-02', progress: [{ targetId: 't1', progress: 'Met' }] };
    expect(reintegrationTargetObligations(placement, target, [early, blank], '2026-12-05')).toHaveLength(1);
    expect(reintegrationTargetObligations(placement, target, [early, onTime], '2026-12-05')).toEqual([]);
    expect(
      reintegrationTargetObligations(placement, { ...target, targetDate: undefined }, [], today),
    ).toEqual([]);
  });

  it('off_site_direction_end: due on the last of the agreed school days, unknown without term dates', () => {
    const direction = { startsOn: '2026-11-16', maximumDays: 10 };
    expect(offSiteDirectionEndObligations(placement, direction, calendar)[0]).toMatchObject({
      kind: 'off_site_direction_end',
      dueOn: '2026-11-27',
    });
    expect(offSiteDirectionEndObligations(placement, { ...direction, maximumDays: 60 }, calendar)).toEqual(
      [],
    );
    expect(offSiteDirectionEndObligations(placement, { ...direction, startsOn: null }, calendar)).toEqual([]);
  });

  it('voice_request: a link to send while the request is open', () => {
    const request = {
      respondent: 'parent' as const,
      halfTerm: 'Autumn 2 2026/27',
      expiresOn: '2026-12-18',
      linkIssuedAt: null,
      answeredAt: null,
    };
    expect(voiceRequestObligations(placement, request, today)[0]).toMatchObject({
      kind: 'voice_request',
      title: "Send Jordan Reeve's parent's voice link (Autumn 2 2026/27)",
      dueOn: '2026-12-18',
    });
    expect(voiceRequestObligations(placement, { ...request, linkIssuedAt: new Date() }, today)).toEqual([]);
    expect(voiceRequestObligations(placement, request, '2026-12-19')).toEqual([]);
  });
});

describe('school-day obligations', () => {
  const call = { ...at, pupilName: 'Jordan Reeve', date: '2026-11-18', status: 'open' as const };

  it('first_day_call: due on the day of the absence while open', () => {
    expect(firstDayCallObligations(call)).toEqual([
      {
        kind: 'first_day_call',
        title: "Call about Jordan Reeve's absence on 18 Nov 2026",
        dueOn: '2026-11-18',
        link: '/attendance',
        ...at,
      },
    ]);
    expect(firstDayCallObligations({ ...call, status: 'closed' })).toEqual([]);
  });

  it('unresolved_n: five school days after the absence, over the weekend', () => {
    expect(unresolvedNObligations(call, calendar)[0]).toMatchObject({
      kind: 'unresolved_n',
      dueOn: '2026-11-25',
    });
    expect(unresolvedNObligations({ ...call, date: '2026-12-30' }, calendar)).toEqual([]);
  });

  it('intervention: planned at once, then reviewed on its date', () => {
    const opened = {
      ...at,
      pupilName: 'Jordan Reeve',
      providerName: 'Harbour Learning',
      openedOn: '2026-11-10',
      action: null,
      reviewOn: null,
      attendancePercentAtOpening: 78,
      targetPercent: 90,
    };
    expect(interventionObligations(opened)[0]).toMatchObject({
      kind: 'intervention',
      dueOn: '2026-11-10',
      title: 'Plan the attendance intervention for Jordan Reeve (78% against 90%)',
    });
    expect(
      interventionObligations({ ...opened, action: 'Daily check-in', reviewOn: '2026-12-01' })[0],
    ).toMatchObject({
      dueOn: '2026-12-01',
      title: 'Review the attendance plan for Jordan Reeve at Harbour Learning',
    });
  });

  const incident = {
    ...at,
    id: 'i1',
    pupilName: 'Jordan Reeve',
    status: 'reported' as const,
    reportedOn: today,
  };

  it('incident_triage: a new report is due the day it came in, not once triaged', () => {
    expect(incidentTriageObligations(incident)[0]).toMatchObject({
      kind: 'incident_triage',
      dueOn: today,
      link: '/incidents/i1',
    });
    expect(incidentTriageObligations({ ...incident, status: 'triaged' })).toEqual([]);
  });

  it('incident_action: an agreed action until done, and never on a closed concern', () => {
    const action = { action: 'Meet the parents', owner: 'DSL', dueOn: '2026-11-20', doneOn: null };
    const triaged = { ...incident, status: 'triaged' as const };
    expect(incidentActionObligations(triaged, action)[0]).toMatchObject({
      kind: 'incident_action',
      title: 'Meet the parents (DSL)',
      dueOn: '2026-11-20',
    });
    expect(incidentActionObligations(triaged, { ...action, doneOn: '2026-11-19' })).toEqual([]);
    expect(incidentActionObligations({ ...incident, status: 'closed' }, action)).toEqual([]);
  });
});

describe('placement obligations at their edges', () => {
  const target = { id: 't1', text: 'Attends two mornings a week at school', targetDate: '2026-12-01' };
  const held = (completedOn: string | null, targetId = 't1', progress = 'Met') => ({
    completedOn,
    progress: [{ targetId, progress }],
  });

  it('reintegration_target: shows from exactly two weeks ahead, cleared by a review held on its date', () => {
    expect(
      reintegrationTargetObligations(placement, { ...target, targetDate: '2026-12-02' }, [], today),
    ).toEqual([
      {
        kind: 'reintegration_target',
        title: "Jordan Reeve's reintegration target: Attends two mornings a week at school",
        dueOn: '2026-12-02',
        link: '/placements/p1',
        ...at,
      },
    ]);
    expect(reintegrationTargetObligations(placement, target, [held('2026-12-01')], '2026-12-05')).toEqual([]);
    // A review not yet held, or progress against another target, does not clear it.
    expect(reintegrationTargetObligations(placement, target, [held(null)], '2026-12-05')).toHaveLength(1);
    expect(
      reintegrationTargetObligations(placement, target, [held('2026-12-02', 't2')], '2026-12-05'),
    ).toHaveLength(1);
    // One entry for this target among others is enough.
    const mixed = {
      completedOn: '2026-12-02',
      progress: [
        { targetId: 't2', progress: '' },
        { targetId: 't1', progress: 'Met' },
      ],
    };
    expect(reintegrationTargetObligations(placement, target, [mixed], '2026-12-05')).toEqual([]);
  });

  it('reintegration_target: shortens a long target to 80 characters', () => {
    const long = 'x'.repeat(81);
    const title = (text: string) =>
      reintegrationTargetObligations(placement, { ...target, text }, [], today)[0]?.title;
    expect(title('x'.repeat(80))).toBe(`Jordan Reeve's reintegration target: ${'x'.repeat(80)}`);
    expect(title(long)).toBe(`Jordan Reeve's reintegration target: ${'x'.repeat(77)}…`);
  });

  it('off_site_direction_end: says the maximum, and nothing without one', () => {
    const direction = { startsOn: '2026-11-16', maximumDays: 10 };
    expect(offSiteDirectionEndObligations(placement, direction, calendar)).toEqual([
      {
        kind: 'off_site_direction_end',
        title: "Jordan Reeve's off-site direction reaches its 10 days: review or end it",
        dueOn: '2026-11-27',
        link: '/placements/p1',
        ...at,
      },
    ]);
    expect(offSiteDirectionEndObligations(placement, { ...direction, maximumDays: null }, calendar)).toEqual(
      [],
    );
  });

  it('voice_request: the pupil’s own link, open until the day it expires, and not once answered', () => {
    const request = {
      respondent: 'pupil' as const,
      halfTerm: 'Autumn 2 2026/27',
      expiresOn: '2026-12-18',
      linkIssuedAt: null,
      answeredAt: null,
    };
    expect(voiceRequestObligations(placement, request, '2026-12-18')).toEqual([
      {
        kind: 'voice_request',
        title: "Send Jordan Reeve's voice link (Autumn 2 2026/27)",
        dueOn: '2026-12-18',
        link: '/placements/p1',
        ...at,
      },
    ]);
    expect(
      voiceRequestObligations(placement, { ...request, answeredAt: new Date('2026-12-01T10:00:00Z') }, today),
    ).toEqual([]);
  });

  it('ehcp_review: says “local authority” where it is not recorded, and is due today without a date', () => {
    const flag = { localAuthority: null, flaggedOn: null, arrangedOn: null };
    expect(ehcpReviewObligations(placement, flag, today)).toEqual([
      {
        kind: 'ehcp_review',
        title: 'EHCP review for Jordan Reeve (local authority)',
        dueOn: today,
        link: '/placements/p1',
        ...at,
      },
    ]);
  });
});

describe('reviews of an off-site direction', () => {
  it('off_site_direction_review: each request still owed, due the day it was asked for', () => {
    const requests = [{ requestedOn: '2026-03-18' }, { requestedOn: '2026-01-05' }];
    // The review of 6 January met the request of 5 January; by 18 March it is more than 10 weeks old.
    expect(directionReviewObligations(placement, requests, ['2026-01-06'])).toEqual([
      {
        kind: 'off_site_direction_review',
        title: "Governing board review of Jordan Reeve's off-site direction, asked for on 18 Mar 2026",
        dueOn: '2026-03-18',
        link: '/placements/p1',
        schoolId: 's1',
        schoolName: 'Hillside Academy',
      },
    ]);
    expect(directionReviewObligations(placement, requests, ['2026-01-06', '2026-03-20'])).toEqual([]);
  });
});

describe('reduced timetables and leaving the roll', () => {
  const reduced = {
    sessions: [{ day: 'fri' as const, session: 'pm' as const }],
    agreedWithParentsOn: '2026-11-02',
    endsOn: '2026-12-18',
    reviewOn: '2026-11-25',
  };

  it('reduced_timetable: due from a week before its review, at once without dates, nothing without one', () => {
    expect(reducedTimetableObligations(placement, reduced, '2026-11-17')).toEqual([]);
    expect(reducedTimetableObligations(placement, reduced, today)).toEqual([
      {
        kind: 'reduced_timetable',
        title:
          'Jordan Reeve at Harbour Learning: the reduced timetable is due for review on 25 Nov 2026: review it with the parents and set the next date',
        dueOn: '2026-11-25',
        link: '/placements/p1',
        ...at,
      },
    ]);
    expect(
      reducedTimetableObligations(placement, { ...reduced, endsOn: null, reviewOn: null }, today).map(
        (o) => o.dueOn,
      ),
    ).toEqual(['2026-11-02', '2026-11-02']);
    expect(reducedTimetableObligations(placement, null, today)).toEqual([]);
  });

  it('off_roll_placement: due the day the pupil left while the placement runs past it, not on or before', () => {
    const facts = (status: 'active' | 'ended', endedOn: string | null) => ({
      pupilLeftOn: '2026-11-13',
      status,
      endedOn,
    });
    expect(offRollPlacementObligations(placement, facts('ended', '2026-11-16'))).toEqual([
      {
        kind: 'off_roll_placement',
        title:
          'Jordan Reeve left the roll on 13 Nov 2026 but the placement at Harbour Learning is recorded as ending on 16 Nov 2026: correct its end date (census rule 2372)',
        dueOn: '2026-11-13',
        link: '/placements/p1',
        ...at,
      },
    ]);
    expect(offRollPlacementObligations(placement, facts('active', null))[0]?.title).toContain(
      'is still open',
    );
    expect(offRollPlacementObligations(placement, facts('ended', '2026-11-13'))).toEqual([]);
    expect(offRollPlacementObligations(placement, { ...facts('active', null), pupilLeftOn: null })).toEqual(
      [],
    );
  });
});
