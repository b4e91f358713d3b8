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
