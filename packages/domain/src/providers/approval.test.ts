import { describe, expect, it } from 'vitest';
import { type ApprovalFacts, evaluateApproval } from './approval.ts';

const today = '2026-11-29';
const allMet: ApprovalFacts = {
  audit: { status: 'submitted', suitable: true },
  registrationAlarm: false,
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
    expect(ready).toMatchObject({ status: 'under_audit', readyForSignOff: true });
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
      'The letter of 2025-11-28 is more than 12 months old',
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
      'The DSL or deputy changed on 2026-11-15, after the letter of 2026-10-01: a new letter is due',
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
