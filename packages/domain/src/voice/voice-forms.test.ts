import { describe, expect, it } from 'vitest';
import { shippedBankHolidays } from '../calendar/bank-holidays.ts';
import { createSchoolCalendar } from '../calendar/school-calendar.ts';
import type { HalfTerm } from '../calendar/term-dates.ts';
import { averageScores, voiceAnswersSchema, voiceForms, voiceHalfTermOn } from './voice-forms.ts';

const halfTerms: HalfTerm[] = [
  { academicYear: '2025/26', term: 'autumn', half: 1, startsOn: '2025-09-01', endsOn: '2025-10-24' },
  { academicYear: '2025/26', term: 'autumn', half: 2, startsOn: '2025-11-03', endsOn: '2025-12-19' },
  { academicYear: '2025/26', term: 'spring', half: 1, startsOn: '2026-01-05', endsOn: '2026-02-13' },
  { academicYear: '2025/26', term: 'spring', half: 2, startsOn: '2026-02-23', endsOn: '2026-03-27' },
  { academicYear: '2025/26', term: 'summer', half: 1, startsOn: '2026-04-13', endsOn: '2026-05-22' },
  { academicYear: '2025/26', term: 'summer', half: 2, startsOn: '2026-06-01', endsOn: '2026-07-20' },
];
const calendar = createSchoolCalendar({ halfTerms, closureDays: [], bankHolidays: shippedBankHolidays });

describe('voice every half-term', () => {
  it('asks once per half-term, ending on its last day, and not in the holidays', () => {
    expect(voiceHalfTermOn(calendar, '2025-11-03')).toEqual({
      halfTerm: '2025/26 autumn 2',
      expiresOn: '2025-12-19',
    });
    expect(voiceHalfTermOn(calendar, '2025-12-19')).toEqual({
      halfTerm: '2025/26 autumn 2',
      expiresOn: '2025-12-19',
    });
    expect(voiceHalfTermOn(calendar, '2025-12-24')).toBeNull();
    expect(voiceHalfTermOn(calendar, '2026-01-05')).toEqual({
      halfTerm: '2025/26 spring 1',
      expiresOn: '2026-02-13',
    });
    expect(voiceHalfTermOn(calendar, '2026-02-16')).toBeNull(); // half-term week
  });

  it('keeps the pupil form short, with one question in words', () => {
    expect(voiceForms.pupil.length).toBeLessThanOrEqual(5);
    expect(voiceForms.pupil.filter((q) => q.kind === 'words')).toHaveLength(1);
    for (const q of voiceForms.pupil) expect(q.text.split(' ').length).toBeLessThanOrEqual(8);
  });

  it('needs a face for every scale question; words may be left empty', () => {
    const result = voiceAnswersSchema('parent').safeParse({ answers: { progress: 4, communication: 6 } });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'answers.communication',
      'answers.safety',
    ]);
    expect(
      voiceAnswersSchema('parent').parse({ answers: { progress: 4, communication: 3, safety: 5 } }).answers
        .change,
    ).toBe('');
  });

  it('averages the faces per question', () => {
    const scores = averageScores('pupil', [{ safe: 5, feel: 2 }, { safe: 4 }]);
    expect(scores.find((s) => s.questionId === 'safe')).toMatchObject({ average: 4.5, responses: 2 });
    expect(scores.find((s) => s.questionId === 'learning')).toMatchObject({ average: null, responses: 0 });
  });
});

describe('voice answers, each in words', () => {
  const faces = { feel: 3, safe: 4, learning: 5, adults: 1 };

  it('says “Choose a face” for a missing, fractional or out-of-range face', () => {
    const result = voiceAnswersSchema('pupil').safeParse({ answers: { feel: 0, safe: 2.5, learning: 6 } });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['answers.feel', 'Choose a face'],
      ['answers.safe', 'Choose a face'],
      ['answers.learning', 'Choose a face'],
      ['answers.adults', 'Choose a face'],
    ]);
  });

  it('keeps words trimmed, up to 2,000 characters, and records whether staff helped', () => {
    const parsed = voiceAnswersSchema('pupil').parse({ answers: { ...faces, better: '  More football  ' } });
    expect(parsed).toEqual({ answers: { ...faces, better: 'More football' }, withStaff: false });
    expect(voiceAnswersSchema('pupil').parse({ answers: faces, withStaff: true }).withStaff).toBe(true);
    expect(
      voiceAnswersSchema('pupil').safeParse({ answers: { ...faces, better: 'x'.repeat(2000) } }).success,
    ).toBe(true);
    expect(
      voiceAnswersSchema('pupil')
        .safeParse({ answers: { ...faces, better: 'x'.repeat(2001) } })
        .error?.issues.map((i) => i.message),
    ).toEqual(['Keep this under 2,000 characters']);
  });

  it('averages the parent form’s faces only, in the form’s order', () => {
    expect(
      averageScores('parent', [{ progress: 2, change: 'More contact' }]).map((s) => s.questionId),
    ).toEqual(['progress', 'communication', 'safety']);
  });
});
