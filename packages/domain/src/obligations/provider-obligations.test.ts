import { describe, expect, it } from 'vitest';
import {
  governorsReportObligations,
  policyReviewObligations,
  qaActionObligations,
  qaVisitObligations,
  trainingReviewObligations,
} from './oversight-obligations.ts';
import {
  type ProviderApprovalFacts,
  providerLetterAfterChangeObligations,
  providerRenewalObligations,
  providerSignOffObligations,
} from './provider-obligations.ts';

const today = '2026-11-18';
const at = { schoolId: 's1', schoolName: 'Hillside Academy' };
const provider: ProviderApprovalFacts = {
  id: 'v1',
  name: 'Harbour Learning',
  status: 'under_audit',
  readyForSignOff: false,
  letterAwaitedSince: null,
};

describe('provider obligations', () => {
  it('provider_renewal: expired or within the warning window, for the whole group', () => {
    const evidence = (expiresOn: string) => ({
      providerId: 'v1',
      providerName: 'Harbour Learning',
      item: 'Public liability insurance',
      kind: 'insurance' as const,
      expiresOn,
    });
    expect(providerRenewalObligations([evidence('2026-12-10'), evidence('2027-03-01')], today)).toEqual([
      {
        kind: 'provider_renewal',
        title: 'Harbour Learning: Public liability insurance',
        dueOn: '2026-12-10',
        link: '/providers/v1',
        schoolId: null,
        schoolName: null,
      },
    ]);
  });

  it('provider_sign_off: every check met and not yet approved', () => {
    expect(providerSignOffObligations({ ...provider, readyForSignOff: true }, today)[0]).toMatchObject({
      kind: 'provider_sign_off',
      dueOn: today,
    });
    expect(providerSignOffObligations(provider, today)).toEqual([]);
    expect(
      providerSignOffObligations({ ...provider, readyForSignOff: true, status: 'approved' }, today),
    ).toEqual([]);
  });

  it('provider_letter_after_change: due from the change of leads, not for a withdrawn provider', () => {
    const changed = {
      ...provider,
      status: 'lapsed' as const,
      letterAwaitedSince: { at: '2026-11-09T10:00:00.000Z', what: 'Change of DSL was notified' },
    };
    expect(providerLetterAfterChangeObligations(changed)).toEqual([
      {
        kind: 'provider_letter_after_change',
        title: 'Harbour Learning: change of DSL was notified; ask for a new safeguarding letter',
        dueOn: '2026-11-09',
        link: '/providers/v1',
        schoolId: null,
        schoolName: null,
      },
    ]);
    expect(providerLetterAfterChangeObligations({ ...changed, status: 'withdrawn' })).toEqual([]);
    expect(providerLetterAfterChangeObligations(provider)).toEqual([]);
  });
});

describe('oversight obligations', () => {
  const term = { academicYear: '2026/27', term: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' };

  it('qa_visit: due by the end of the term, overdue after; not once begun', () => {
    const due = { ...at, providerName: 'Harbour Learning', term, status: 'due' as const };
    expect(qaVisitObligations(due)[0]).toMatchObject({
      kind: 'qa_visit',
      title: 'Autumn 2026/27 QA visit to Harbour Learning',
      dueOn: '2026-12-18',
    });
    expect(qaVisitObligations({ ...due, status: 'in_progress' })).toEqual([]);
    expect(qaVisitObligations({ ...due, status: 'done' })).toEqual([]);
  });

  it('qa_action: an agreed action until done', () => {
    const action = {
      ...at,
      visitId: 'q1',
      providerName: 'Harbour Learning',
      action: 'Update the fire log',
      owner: 'Centre manager',
      dueOn: '2026-12-01',
      doneOn: null,
    };
    expect(qaActionObligations(action)[0]).toMatchObject({ kind: 'qa_action', link: '/qa/visits/q1' });
    expect(qaActionObligations({ ...action, doneOn: '2026-11-30' })).toEqual([]);
  });

  it('training_review: shown from two weeks before it falls due', () => {
    const staff = { ...at, name: 'Sam Okoro', nextReviewOn: '2026-12-02' };
    expect(trainingReviewObligations(staff, today)[0]).toMatchObject({
      kind: 'training_review',
      dueOn: '2026-12-02',
    });
    expect(trainingReviewObligations({ ...staff, nextReviewOn: '2026-12-03' }, today)).toEqual([]);
  });

  it('policy_review: once due soon or overdue, never without a policy', () => {
    const policy = { policyNumber: 'EDE/POL/013', issueNumber: '002', nextReviewOn: '2026-11-01' };
    expect(policyReviewObligations(policy, today)[0]).toMatchObject({
      kind: 'policy_review',
      schoolId: null,
    });
    expect(policyReviewObligations({ ...policy, nextReviewOn: '2027-09-01' }, today)).toEqual([]);
    expect(policyReviewObligations(null, today)).toEqual([]);
  });

  it('governors_report: the term under way, due on its last day; none between terms', () => {
    const halves = [
      { ...term, endsOn: '2026-10-23' },
      { ...term, startsOn: '2026-11-02' },
    ];
    expect(
      governorsReportObligations({ id: 's1', name: 'Hillside Academy' }, halves, today)[0],
    ).toMatchObject({
      kind: 'governors_report',
      dueOn: '2026-12-18',
      title: 'Hillside Academy: the autumn 2026/27 report to governors',
    });
    expect(governorsReportObligations({ id: 's1', name: 'Hillside Academy' }, halves, '2026-12-25')).toEqual(
      [],
    );
  });
});

describe('oversight obligations in full', () => {
  const term = { academicYear: '2026/27', term: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' };
  const school = { id: 's1', name: 'Hillside Academy' };

  it('qa_visit: an overdue visit is asked for, with its link', () => {
    expect(qaVisitObligations({ ...at, providerName: 'Harbour Learning', term, status: 'overdue' })).toEqual([
      {
        kind: 'qa_visit',
        title: 'Autumn 2026/27 QA visit to Harbour Learning',
        dueOn: '2026-12-18',
        link: '/qa',
        ...at,
      },
    ]);
  });

  it('qa_action, training_review and policy_review in full', () => {
    const action = {
      ...at,
      visitId: 'q1',
      providerName: 'Harbour Learning',
      action: 'Update the fire log',
      owner: 'Centre manager',
      dueOn: '2026-12-01',
      doneOn: null,
    };
    expect(qaActionObligations(action)).toEqual([
      {
        kind: 'qa_action',
        title: 'Harbour Learning: Update the fire log (Centre manager)',
        dueOn: '2026-12-01',
        link: '/qa/visits/q1',
        ...at,
      },
    ]);
    expect(
      trainingReviewObligations({ ...at, name: 'Sam Okoro', nextReviewOn: '2026-11-01' }, today),
    ).toEqual([
      {
        kind: 'training_review',
        title: 'Training-needs review for Sam Okoro',
        dueOn: '2026-11-01',
        link: '/training',
        ...at,
      },
    ]);
    expect(
      policyReviewObligations(
        { policyNumber: 'EDE/POL/013', issueNumber: '002', nextReviewOn: '2026-11-01' },
        today,
      ),
    ).toEqual([
      {
        kind: 'policy_review',
        title: 'Review the AP policy (EDE/POL/013, issue 002)',
        dueOn: '2026-11-01',
        link: '/policy',
        schoolId: null,
        schoolName: null,
      },
    ]);
  });

  it('governors_report: from the term’s first day to its last', () => {
    const report = (day: string) => governorsReportObligations(school, [term], day);
    expect(report('2026-09-03')).toEqual([
      {
        kind: 'governors_report',
        title: 'Hillside Academy: the autumn 2026/27 report to governors',
        dueOn: '2026-12-18',
        link: '/reports/governors',
        ...at,
      },
    ]);
    expect(report('2026-12-18')).toHaveLength(1);
    expect(report('2026-09-02')).toEqual([]);
    expect(report('2026-12-19')).toEqual([]);
  });
});
