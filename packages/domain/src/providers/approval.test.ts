import { describe, expect, it } from 'vitest';
import { dateInWords } from '../calendar/iso-date.ts';
import { type ApprovalFacts, evaluateApproval } from './approval.ts';

const today = '2026-11-29';
const allMet: ApprovalFacts = {
  audit: { status: 'submitted', suitable: true },
  registrationAlarm: false,
  registrationConfirmedOn: '2026-09-20',
  letterReceivedOn: '2026-10-01',
  insuranceBlocking: [],
  sla: { signed: true, endsOn: '2027-08-31' },
  decision: null,
};

describe('approval (Appendix 3)', () => {
  it('moves from draft to under audit to awaiting letter', () => {
    expect(evaluateApproval({ ...allMet, audit: null, letterReceivedOn: null }, today).status).toBe('draft');
    expect(evaluateApproval({ ...allMet, audit: { status: 'draft', suitable: null } }, today).status).toBe(
      'under_audit',
    );
    expect(evaluateApproval({ ...allMet, letterReceivedOn: null }, today).status).toBe('awaiting_letter');
  });

  it('is ready for sign-off only when every check is met, and approved only after sign-off', () => {
    const ready = evaluateApproval(allMet, today);
    // Every check met, waiting only for the headteacher: "ready for approval", not "under audit".
    expect(ready).toMatchObject({ status: 'ready_for_approval', readyForSignOff: true });
    expect(evaluateApproval({ ...allMet, sla: null }, today).status).toBe('under_audit');
    expect(ready.steps.filter((s) => !s.done).map((s) => s.id)).toEqual(['sign_off']);
    expect(
      evaluateApproval({ ...allMet, decision: { kind: 'approved', on: '2026-11-20' } }, today).status,
    ).toBe('approved');
    expect(
      evaluateApproval({ ...allMet, sla: { signed: false, endsOn: '2027-08-31' } }, today).readyForSignOff,
    ).toBe(false);
  });

  it('lapses by itself when insurance, the letter or the SLA lapses', () => {
    const approved = { ...allMet, decision: { kind: 'approved' as const, on: '2026-01-10' } };
    expect(evaluateApproval({ ...approved, insuranceBlocking: ['Public liability'] }, today).status).toBe(
      'lapsed',
    );
    const oldLetter = evaluateApproval({ ...approved, letterReceivedOn: '2025-11-28' }, today);
    expect(oldLetter.status).toBe('lapsed');
    expect(oldLetter.steps.find((s) => s.id === 'letter')!.detail).toBe(
      'The letter of 28 Nov 2025 is more than 12 months old',
    );
    expect(evaluateApproval({ ...approved, sla: { signed: true, endsOn: '2026-11-28' } }, today).status).toBe(
      'lapsed',
    );
  });

  it('a registration alarm blocks approval', () => {
    expect(evaluateApproval({ ...allMet, registrationAlarm: true }, today).readyForSignOff).toBe(false);
  });

  it('follows the headteacher’s suspension or withdrawal whatever the checks say', () => {
    expect(
      evaluateApproval({ ...allMet, decision: { kind: 'suspended', on: '2026-11-01' } }, today).status,
    ).toBe('suspended');
    expect(
      evaluateApproval({ ...allMet, decision: { kind: 'withdrawn', on: '2026-11-01' } }, today).status,
    ).toBe('withdrawn');
  });

  it('makes a new letter due when the DSL, deputy or senior leadership changes after the letter', () => {
    const evaluation = evaluateApproval(
      {
        ...allMet,
        letterRecordedAt: '2026-10-01T09:00:00.000Z',
        leadershipChange: { at: '2026-11-15T10:00:00.000Z', what: 'The DSL or deputy changed' },
        decision: { kind: 'approved', on: '2026-10-20' },
      },
      today,
    );
    expect(evaluation.status).toBe('lapsed');
    expect(evaluation.steps.find((s) => s.id === 'letter')!.detail).toBe(
      'The DSL or deputy changed on 15 Nov 2026, after the letter of 1 Oct 2026: a new letter is due',
    );
    expect(
      evaluateApproval(
        {
          ...allMet,
          letterRecordedAt: '2026-10-01T09:00:00.000Z',
          leadershipChange: { at: '2026-09-01T10:00:00.000Z', what: 'A change of senior leadership' },
        },
        today,
      ).readyForSignOff,
    ).toBe(true);
  });
});

describe('the registration test counts only when it was carried out in the last 12 months', () => {
  const step = (registrationConfirmedOn: string | null, on: string) =>
    evaluateApproval(
      { ...allMet, registrationConfirmedOn, decision: { kind: 'approved', on: '2026-09-21' } },
      on,
    );
  it.each([
    ['2027-09-19', true, 'approved'],
    ['2027-09-20', false, 'lapsed'],
    ['2027-09-21', false, 'lapsed'],
  ])('confirmed on 2026-09-20, on %s: passed %s, the provider %s', (on, done, status) => {
    const evaluation = step('2026-09-20', on);
    expect(evaluation.steps.find((s) => s.id === 'registration')!.done).toBe(done);
    // The letter and SLA are kept in date here, so only the registration check decides.
    expect(
      evaluateApproval(
        {
          ...allMet,
          registrationConfirmedOn: '2026-09-20',
          letterReceivedOn: on,
          sla: { signed: true, endsOn: '2028-08-31' },
          decision: { kind: 'approved', on: '2026-09-21' },
        },
        on,
      ).status,
    ).toBe(status);
  });

  it('is not passed when it was never carried out, with no alarm either', () => {
    const never = step(null, today);
    expect(never.status).toBe('lapsed');
    expect(never.steps.find((s) => s.id === 'registration')).toMatchObject({
      done: false,
      detail: 'Not checked yet: confirm the counts at an audit or record a check',
    });
  });
});

describe('what each approval step tells the AP lead', () => {
  const detailsOf = (facts: Partial<ApprovalFacts>) =>
    Object.fromEntries(
      evaluateApproval({ ...allMet, ...facts }, today).steps.map((s) => [s.id, [s.done, s.detail]]),
    );

  it('with every check met and the headteacher’s approval', () => {
    expect(detailsOf({ decision: { kind: 'approved', on: '2026-11-20' } })).toEqual({
      audit: [true, 'Submitted: suitable'],
      registration: [true, 'Counts confirmed 20 Sep 2026; due again by 20 Sep 2027'],
      letter: [true, 'Received 1 Oct 2026; a new one is due by 1 Oct 2027'],
      insurance: [true, 'All required cover in date'],
      sla: [true, 'Runs to 31 Aug 2027'],
      sign_off: [true, 'Approved 20 Nov 2026'],
    });
  });

  it('with nothing yet', () => {
    expect(
      detailsOf({
        audit: null,
        letterReceivedOn: null,
        insuranceBlocking: ['Public liability (missing)', 'Employers’ liability (missing)'],
        sla: null,
        registrationAlarm: true,
        registrationConfirmedOn: null,
      }),
    ).toEqual({
      audit: [false, 'No audit yet'],
      registration: [false, 'Must be registered as an independent school but is not'],
      letter: [false, 'No letter received'],
      insurance: [false, 'Not met: Public liability (missing), Employers’ liability (missing)'],
      sla: [false, 'No SLA recorded'],
      sign_off: [false, 'Not yet approved'],
    });
  });

  it('part way, or lapsed', () => {
    expect(
      detailsOf({
        audit: { status: 'draft', suitable: null },
        letterReceivedOn: '2025-11-28',
        sla: { signed: false, endsOn: '2027-08-31' },
      }),
    ).toMatchObject({
      audit: [false, 'The audit is in progress'],
      letter: [false, 'The letter of 28 Nov 2025 is more than 12 months old'],
      sla: [false, 'The signed copy is not on file'],
    });
    expect(
      detailsOf({
        audit: { status: 'submitted', suitable: false },
        sla: { signed: true, endsOn: '2026-11-28' },
      }),
    ).toMatchObject({
      audit: [false, 'The last audit found the provision not suitable'],
      sla: [false, 'Ended on 28 Nov 2026'],
    });
  });

  it('an SLA runs to the end of its last day', () => {
    expect(detailsOf({ sla: { signed: true, endsOn: today } }).sla).toEqual([
      true,
      `Runs to ${dateInWords(today)}`,
    ]);
  });

  it('a change of leads recorded at the same moment as the letter does not call for a new one', () => {
    const at = '2026-10-01T10:00:00.000Z';
    const facts = {
      letterRecordedAt: at,
      leadershipChange: { at, what: 'A change of DSL was notified' },
    };
    expect(detailsOf(facts).letter).toEqual([true, 'Received 1 Oct 2026; a new one is due by 1 Oct 2027']);
    // With no letter on record, a change alone is not "since the letter".
    expect(
      evaluateApproval({ ...allMet, ...facts, letterRecordedAt: null }, today).letterAwaitedSince,
    ).toBeNull();
  });
});

describe('approval steps as the AP lead reads them', () => {
  it('lists the Appendix 3 checks in order, then the headteacher’s approval', () => {
    expect(evaluateApproval(allMet, today).steps.map((s) => [s.id, s.label])).toEqual([
      ['audit', 'Audit (Appendix 1) completed and the provision found suitable'],
      ['registration', 'Registration test carried out in the last 12 months and passed'],
      ['letter', 'Safeguarding assurance letter (Appendix 2) received in the last 12 months'],
      ['insurance', 'Insurance at the minimum levels and in date'],
      ['sla', 'Service level agreement signed and running'],
      ['sign_off', "Headteacher's approval"],
    ]);
  });

  it('counts a reinstated provider as approved while its checks are met', () => {
    const reinstated = evaluateApproval(
      { ...allMet, decision: { kind: 'reinstated', on: '2026-11-25' } },
      today,
    );
    expect(reinstated.status).toBe('approved');
    expect(reinstated.steps.at(-1)).toEqual({
      id: 'sign_off',
      label: "Headteacher's approval",
      done: true,
      detail: 'Approved 25 Nov 2026',
    });
  });

  it('keeps a letter recorded with no change of leads since', () => {
    const facts = { ...allMet, letterRecordedAt: '2026-10-01T10:00:00.000Z', leadershipChange: null };
    expect(evaluateApproval(facts, today).steps.find((s) => s.id === 'letter')?.done).toBe(true);
  });
});
