import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendix5, overallQaJudgement, type QaAnswers, unansweredQaLines } from './appendix-5.ts';
import { qaVisitsDue, termsOf } from './qa-schedule.ts';

// Appendix 5 exactly as the policy prints it (tab-separated rows), kept beside the test.
const policyText = readFileSync(new URL('./fixtures/appendix-5.txt', import.meta.url), 'utf8');
const headings = new Set([
  'Description',
  'Curriculum',
  'Attendance',
  'Behaviour',
  'Personal Development',
  'Destination',
  'Infection Control Measures (when applicable)',
]);
const rowsInPolicy = policyText
  .split('\n')
  .filter((line) => line.includes('\t'))
  .map((line) => line.split('\t')[0]!.trim())
  .filter((cell) => cell && !headings.has(cell));

describe('the Appendix 5 template, version 1', () => {
  it('has every line of the appendix, word for word, in order, and nothing else', () => {
    expect(rowsInPolicy).toHaveLength(26);
    expect(appendix5.areas.flatMap((a) => a.lines.map((l) => l.text))).toEqual(rowsInPolicy);
  });

  it('uses the appendix’s own headings for its areas', () => {
    for (const area of appendix5.areas.filter((a) => a.id !== 'welfare_and_adaptation'))
      expect(policyText).toContain(`\n${area.title}\t`);
  });

  it('lists unanswered lines; not applicable only where the area is optional', () => {
    const answers: QaAnswers = Object.fromEntries(
      appendix5.areas.flatMap((a) =>
        a.lines.map((l) => [l.id, { judgement: 'secure' as const, comment: '' }]),
      ),
    );
    expect(unansweredQaLines(appendix5, answers)).toEqual([]);
    answers['infection_control.1'] = { judgement: 'not_applicable', comment: '' };
    answers['attendance.2'] = { judgement: 'not_applicable', comment: '' };
    delete answers['curriculum.4'];
    expect(unansweredQaLines(appendix5, answers).map((l) => l.text)).toEqual([
      "Scrutiny of pupils' work",
      'First day response procedures for non-attendance',
    ]);
  });

  it('takes the weakest line as the overall judgement', () => {
    expect(overallQaJudgement({ a: { judgement: 'strong', comment: '' } })).toBe('strong');
    expect(
      overallQaJudgement({
        a: { judgement: 'strong', comment: '' },
        b: { judgement: 'concern', comment: '' },
        c: { judgement: 'not_applicable', comment: '' },
      }),
    ).toBe('concern');
    expect(overallQaJudgement({})).toBeNull();
  });
});

const halfTerms = [
  { academicYear: '2025/26', term: 'autumn', startsOn: '2025-09-01', endsOn: '2025-10-24' },
  { academicYear: '2025/26', term: 'autumn', startsOn: '2025-11-03', endsOn: '2025-12-19' },
  { academicYear: '2025/26', term: 'spring', startsOn: '2026-01-05', endsOn: '2026-02-13' },
  { academicYear: '2025/26', term: 'spring', startsOn: '2026-02-23', endsOn: '2026-03-27' },
  { academicYear: '2025/26', term: 'summer', startsOn: '2026-04-13', endsOn: '2026-05-22' },
  { academicYear: '2025/26', term: 'summer', startsOn: '2026-06-01', endsOn: '2026-07-20' },
];

describe('planning QA visits', () => {
  const termsBySchool = new Map([['s1', termsOf(halfTerms)]]);

  it('makes a term from its two half-terms', () => {
    expect(termsOf(halfTerms).map((t) => [t.term, t.startsOn, t.endsOn])).toEqual([
      ['autumn', '2025-09-01', '2025-12-19'],
      ['spring', '2026-01-05', '2026-03-27'],
      ['summer', '2026-04-13', '2026-07-20'],
    ]);
  });

  it('asks for one visit per provider per term where pupils are placed; a missed one stays overdue', () => {
    const due = qaVisitsDue({
      termsBySchool,
      placements: [
        { schoolId: 's1', providerId: 'p1', startsOn: '2025-11-10', endsOn: null },
        // Ended before spring: no spring visit needed.
        { schoolId: 's1', providerId: 'p2', startsOn: '2025-09-08', endsOn: '2025-12-19' },
      ],
      visits: [{ id: 'v1', schoolId: 's1', providerId: 'p2', visitOn: '2025-10-01', status: 'completed' }],
      today: '2026-02-02',
    });
    expect(due.map((d) => [d.providerId, d.term.term, d.status])).toEqual([
      ['p1', 'autumn', 'overdue'],
      ['p1', 'spring', 'due'],
      ['p2', 'autumn', 'done'],
    ]);
  });

  it('counts a visit only in the term it was made in, and a draft as in progress', () => {
    const due = qaVisitsDue({
      termsBySchool,
      placements: [{ schoolId: 's1', providerId: 'p1', startsOn: '2026-01-05', endsOn: null }],
      visits: [
        { id: 'old', schoolId: 's1', providerId: 'p1', visitOn: '2025-12-01', status: 'completed' },
        { id: 'now', schoolId: 's1', providerId: 'p1', visitOn: '2026-02-02', status: 'draft' },
      ],
      today: '2026-02-02',
    });
    expect(due).toEqual([expect.objectContaining({ status: 'in_progress', visitId: 'now' })]);
  });
});

describe('planning QA visits, at the edges', () => {
  const termsBySchool = new Map([['s1', termsOf(halfTerms)]]);
  const autumn = { academicYear: '2025/26', term: 'autumn', startsOn: '2025-09-01', endsOn: '2025-12-19' };
  const plan = (
    placements: { schoolId?: string; providerId?: string; startsOn: string; endsOn: string | null }[],
    visits: {
      id: string;
      visitOn: string;
      status: 'draft' | 'completed';
      schoolId?: string;
      providerId?: string;
    }[],
    today: string,
  ) =>
    qaVisitsDue({
      termsBySchool,
      placements: placements.map((p) => ({ schoolId: 's1', providerId: 'p1', ...p })),
      visits: visits.map((v) => ({ schoolId: 's1', providerId: 'p1', ...v })),
      today,
    });

  it('builds terms from half-terms in any order, and keeps years apart', () => {
    const nextAutumn = {
      academicYear: '2026/27',
      term: 'autumn',
      startsOn: '2026-09-01',
      endsOn: '2026-10-23',
    };
    expect(termsOf([halfTerms[1]!, nextAutumn, halfTerms[0]!])).toEqual([autumn, { ...nextAutumn }]);
  });

  it('gives each visit due in full, with the visit that answers it', () => {
    expect(
      plan(
        [{ startsOn: '2025-09-08', endsOn: null }],
        [
          { id: 'draft', visitOn: '2025-10-01', status: 'draft' },
          { id: 'done', visitOn: '2025-10-02', status: 'completed' },
        ],
        '2025-12-01',
      ),
    ).toEqual([{ schoolId: 's1', providerId: 'p1', term: autumn, status: 'done', visitId: 'done' }]);
    expect(plan([{ startsOn: '2025-09-08', endsOn: null }], [], '2025-12-01')).toEqual([
      { schoolId: 's1', providerId: 'p1', term: autumn, status: 'due', visitId: null },
    ]);
  });

  it('is due until the term’s last day and overdue the day after', () => {
    const placed = [{ startsOn: '2025-09-08', endsOn: null }];
    expect(plan(placed, [], '2025-12-19').map((d) => d.status)).toEqual(['due']);
    // 20 December is in no term: autumn, the term just gone, is overdue.
    expect(plan(placed, [], '2025-12-20').map((d) => d.status)).toEqual(['overdue']);
  });

  it('shows the current term and the one before only, from the day a term starts', () => {
    const placed = [{ startsOn: '2025-09-08', endsOn: null }];
    expect(plan(placed, [], '2026-04-13').map((d) => d.term.term)).toEqual(['spring', 'summer']);
    expect(plan(placed, [], '2026-04-12').map((d) => d.term.term)).toEqual(['autumn', 'spring']);
    expect(plan(placed, [], '2025-08-31')).toEqual([]);
  });

  it('asks for a visit to a provider with a pupil there for any day of the term, and no other', () => {
    const terms = (p: { startsOn: string; endsOn: string | null }) =>
      plan([p], [], '2026-02-02').map((d) => d.term.term);
    expect(terms({ startsOn: '2026-03-27', endsOn: null })).toEqual(['spring']);
    expect(terms({ startsOn: '2025-09-08', endsOn: '2026-01-05' })).toEqual(['autumn', 'spring']);
    expect(terms({ startsOn: '2025-09-08', endsOn: '2026-01-04' })).toEqual(['autumn']);
    expect(terms({ startsOn: '2025-12-19', endsOn: '2025-12-19' })).toEqual(['autumn']);
    expect(terms({ startsOn: '2025-12-20', endsOn: '2026-01-04' })).toEqual([]);
    // Another school's placement, or two placements at one provider, ask once for this school's.
    expect(
      qaVisitsDue({
        termsBySchool,
        placements: [
          { schoolId: 's2', providerId: 'p1', startsOn: '2026-01-05', endsOn: null },
          { schoolId: 's1', providerId: 'p2', startsOn: '2026-01-05', endsOn: null },
          { schoolId: 's1', providerId: 'p2', startsOn: '2026-01-12', endsOn: null },
        ],
        visits: [],
        today: '2026-02-02',
      }).map((d) => [d.schoolId, d.providerId]),
    ).toEqual([['s1', 'p2']]);
  });

  it('counts only this school’s visit to this provider, on the term’s first and last days too', () => {
    const placed = [{ startsOn: '2025-09-08', endsOn: null }];
    const status = (visit: { visitOn: string; schoolId?: string; providerId?: string }) =>
      plan(placed, [{ id: 'v', status: 'completed', ...visit }], '2026-02-02')
        .filter((d) => d.term.term === 'spring')
        .map((d) => d.status);
    expect(status({ visitOn: '2026-01-05' })).toEqual(['done']);
    expect(status({ visitOn: '2026-03-27' })).toEqual(['done']);
    expect(status({ visitOn: '2026-01-04' })).toEqual(['due']);
    expect(status({ visitOn: '2026-03-28' })).toEqual(['due']);
    expect(status({ visitOn: '2026-01-20', schoolId: 's2' })).toEqual(['due']);
    expect(status({ visitOn: '2026-01-20', providerId: 'p2' })).toEqual(['due']);
  });

  it('puts the overdue first, then what is due, in progress and done, earliest term first', () => {
    const due = qaVisitsDue({
      termsBySchool,
      placements: [
        { schoolId: 's1', providerId: 'a', startsOn: '2025-09-08', endsOn: null },
        { schoolId: 's1', providerId: 'b', startsOn: '2025-09-08', endsOn: null },
      ],
      visits: [
        { id: 'a1', schoolId: 's1', providerId: 'a', visitOn: '2025-10-01', status: 'completed' },
        { id: 'a2', schoolId: 's1', providerId: 'a', visitOn: '2026-01-20', status: 'draft' },
      ],
      today: '2026-02-02',
    });
    expect(due.map((d) => [d.providerId, d.term.term, d.status])).toEqual([
      ['b', 'autumn', 'overdue'],
      ['b', 'spring', 'due'],
      ['a', 'spring', 'in_progress'],
      ['a', 'autumn', 'done'],
    ]);
  });
});
