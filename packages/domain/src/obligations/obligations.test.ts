import { describe, expect, it } from 'vitest';
import { arrangeObligations, type Obligation, obligationKinds, urgencyOf } from './obligations.ts';

const due = (kind: Obligation['kind'], dueOn: string, schoolId: string | null = 's1'): Obligation => ({
  kind,
  title: `${kind} ${dueOn}`,
  dueOn,
  link: '/',
  schoolId,
  schoolName: schoolId ? `School ${schoolId}` : null,
});

describe('the what-is-due board', () => {
  it('sorts overdue, then today, then this week, then later', () => {
    const board = arrangeObligations(
      [
        due('qa_visit', '2026-12-31'),
        due('placement_review', '2026-12-01'),
        due('first_day_call', '2026-11-27'),
        due('incident_triage', '2026-11-29'),
      ],
      '2026-11-29',
    );
    expect(board.items.map((i) => [i.kind, i.urgency])).toEqual([
      ['first_day_call', 'overdue'],
      ['incident_triage', 'today'],
      ['placement_review', 'this_week'],
      ['qa_visit', 'later'],
    ]);
    expect(board.counts).toEqual({ overdue: 1, today: 1, thisWeek: 1, later: 1, forOthers: 0 });
  });

  it('counts per school, the group-wide duties on their own line', () => {
    const board = arrangeObligations(
      [
        due('qa_visit', '2026-11-01', 's2'),
        due('qa_visit', '2026-12-20', 's1'),
        due('policy_review', '2026-09-01', null),
      ],
      '2026-11-29',
    );
    expect(board.perSchool).toEqual([
      { schoolId: null, schoolName: 'Across the group', overdue: 1, total: 1 },
      { schoolId: 's2', schoolName: 'School s2', overdue: 1, total: 1 },
      { schoolId: 's1', schoolName: 'School s1', overdue: 0, total: 1 },
    ]);
  });

  it('puts the seventh day in this week and the eighth later', () => {
    expect(urgencyOf('2026-12-06', '2026-11-29')).toBe('this_week');
    expect(urgencyOf('2026-12-07', '2026-11-29')).toBe('later');
  });

  it('names an owner for every kind', () => {
    for (const kind of Object.values(obligationKinds)) expect(kind.owner).toBeTruthy();
  });
});

describe('a part of the board', () => {
  const items = [
    due('qa_visit', '2026-11-20', 's1'),
    due('placement_review', '2026-11-21', 's2'),
    due('first_day_call', '2026-11-22', 's1'),
    due('provider_renewal', '2026-11-23', null),
  ];

  it("shows one school's duties, or the group's own, counted for that part", () => {
    const s1 = arrangeObligations(items, '2026-11-29', { school: 's1' });
    expect(s1.items.map((i) => i.kind)).toEqual(['qa_visit', 'first_day_call']);
    expect(s1.counts.overdue).toBe(2);
    expect(s1.perSchool.map((s) => s.total)).toEqual([2, 1, 1]);
    expect(arrangeObligations(items, '2026-11-29', { school: 'group' }).items.map((i) => i.kind)).toEqual([
      'provider_renewal',
    ]);
  });

  it('counts every school the person looks after, those with nothing due too', () => {
    const board = arrangeObligations(items, '2026-11-29', {
      schools: [
        { id: 's1', name: 'School s1' },
        { id: 's3', name: 'Quiet School' },
      ],
    });
    expect(board.perSchool.map((s) => [s.schoolName, s.total])).toEqual([
      ['School s1', 2],
      ['Across the group', 1],
      ['School s2', 1],
      ['Quiet School', 0],
    ]);
  });

  it("lists another role's duties apart, after the reader's own, and leaves them out of the counts", () => {
    // A headteacher: the administrator's policy review and the AP lead's QA visit are for others.
    const board = arrangeObligations(
      [...items, due('policy_review', '2026-09-01', null), due('provider_sign_off', '2026-11-28', null)],
      '2026-11-29',
      { roles: ['headteacher'] },
    );
    expect(board.items.map((i) => [i.kind, i.forOthers])).toEqual([
      ['provider_sign_off', false],
      ['policy_review', true],
      ['qa_visit', true],
      ['placement_review', true],
      ['first_day_call', true],
      ['provider_renewal', true],
    ]);
    expect(board.counts).toEqual({ overdue: 1, today: 0, thisWeek: 0, later: 0, forOthers: 5 });
    // Choosing a school by its figures: every duty shown there counts.
    expect(board.perSchool.map((s) => [s.schoolName, s.total])).toEqual([
      ['Across the group', 3],
      ['School s1', 2],
      ['School s2', 1],
    ]);
    // An administrator owns the policy review; nothing is for others without roles given.
    expect(
      arrangeObligations([due('policy_review', '2026-09-01', null)], '2026-11-29', { roles: ['trust_admin'] })
        .counts,
    ).toMatchObject({ overdue: 1, forOthers: 0 });
  });

  it('leaves out the group row for someone who looks after one school', () => {
    const board = arrangeObligations(items, '2026-11-29', { groupRow: false });
    expect(board.perSchool.map((s) => s.schoolName)).toEqual(['School s1', 'School s2']);
    // The group's duties are still theirs to do, and still counted.
    expect(board.items.map((i) => i.kind)).toContain('provider_renewal');
    expect(board.counts.overdue).toBe(4);
  });

  it('gives the most urgent up to the limit, with the total', () => {
    const board = arrangeObligations(items, '2026-11-29', { limit: 2 });
    expect(board.items.map((i) => i.dueOn)).toEqual(['2026-11-20', '2026-11-21']);
    expect(board.total).toBe(4);
    expect(board.counts.overdue).toBe(4);
  });
});

describe('every kind of obligation', () => {
  it('has a rule with its own test in this folder', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('.', import.meta.url);
    const tests = readdirSync(dir)
      .filter((f) => f.endsWith('-obligations.test.ts'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n');
    const untested = Object.keys(obligationKinds).filter((kind) => !tests.includes(`it('${kind}:`));
    expect(untested).toEqual([]);
  });
});
