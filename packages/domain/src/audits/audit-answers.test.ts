import { describe, expect, it } from 'vitest';
import { checkAnswerValues } from './audit-answers.ts';
import { type AuditTemplate, auditTemplateSchema } from './audit-template.ts';

// A small form of its own, so each kind of detail is checked on its own.
const form = auditTemplateSchema.parse({
  title: 'Provider audit',
  policyReference: 'AP policy 2026, Appendix 1',
  sections: [
    {
      id: 'cover',
      title: 'Cover',
      questions: [
        {
          id: 'insured',
          text: 'Is the provider insured?',
          fields: [
            { id: 'level', label: 'Level of cover', kind: 'money' },
            { id: 'expiresOn', label: 'Expires on', kind: 'date' },
            { id: 'insurer', label: 'Insurer', kind: 'text' },
            { id: 'kinds', label: 'Kinds of cover', kind: 'checklist', options: ['Public', 'Employer'] },
          ],
        },
        { id: 'suitable', text: 'Is the provider suitable?' },
      ],
    },
  ],
}) as AuditTemplate;

const check = (fields: Record<string, unknown>) =>
  checkAnswerValues(form, { insured: { answer: 'yes', comment: '', fields } } as never);
const path = (field: string) => `answers.insured.fields.${field}`;

describe('the values in a saved audit', () => {
  it('takes well-formed values, and blanks (a draft may be incomplete)', () => {
    expect(
      check({ level: '£5,000,000.50', expiresOn: ' 2027-03-31 ', insurer: 'Acme', kinds: ['Public'] }),
    ).toEqual([]);
    expect(check({ level: ' ', expiresOn: '', insurer: '', kinds: [] })).toEqual([]);
  });

  it('refuses a detail the question does not have', () => {
    expect(check({ colour: 'blue' })).toEqual([
      { path: path('colour'), message: 'This question has no such detail' },
    ]);
  });

  it('wants ticks as a list, each from the options', () => {
    expect(check({ kinds: 'Public' })).toEqual([
      { path: path('kinds'), message: 'Tick the items that apply' },
    ]);
    expect(check({ kinds: ['Public', 'Motor', 'Marine'] })).toEqual([
      { path: path('kinds'), message: 'Not on the list: Motor, Marine' },
    ]);
  });

  it('wants text where text is asked for', () => {
    expect(check({ insurer: ['Acme'] })).toEqual([{ path: path('insurer'), message: 'Enter text here' }]);
    expect(check({ level: 5000000 })).toEqual([{ path: path('level'), message: 'Enter text here' }]);
  });

  it('wants amounts in whole pounds or pounds and pence, nothing around them', () => {
    const money = (level: string) => check({ level }).map((e) => e.message);
    expect(money('5000000')).toEqual([]);
    expect(money('5000000.5')).toEqual([]);
    expect(money('1234567890')).toEqual([]);
    for (const bad of [
      '5000000.505',
      'about 5000000',
      '5000000 or so',
      '5000000.',
      '12345678901',
      '5000000.5p',
    ])
      expect(money(bad), bad).toEqual(['Enter an amount in pounds, like 5000000']);
  });

  it('reads a date only from a date detail', () => {
    expect(check({ insurer: '2026-02-30' })).toEqual([]);
    expect(check({ expiresOn: '31/03/2027' })).toEqual([
      { path: path('expiresOn'), message: 'Enter a real date in the form YYYY-MM-DD' },
    ]);
  });
});

describe('a new version of the audit form', () => {
  const question = (id: string) => ({ id, text: `Question ${id}?` });
  const template = (...ids: string[]) => ({
    title: 'Provider audit',
    policyReference: 'AP policy 2027',
    sections: [{ id: 'one', title: 'One', questions: ids.map(question) }],
  });
  const issues = (value: unknown) =>
    auditTemplateSchema.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

  it('must keep the suitability question', () => {
    expect(issues(template('a', 'suitable'))).toEqual([]);
    expect(issues(template('a', 'b'))).toEqual([
      ['sections', 'Keep the final suitability question: a provider’s approval depends on its answer'],
    ]);
  });

  it('uses each question id once, across sections', () => {
    expect(issues(template('a', 'a', 'suitable'))).toEqual([
      ['sections.0.questions.1.id', 'Question id a is used twice'],
    ]);
    const twoSections = {
      ...template('a', 'suitable'),
      sections: [
        ...template('a', 'suitable').sections,
        { id: 'two', title: 'Two', questions: [question('a')] },
      ],
    };
    expect(issues(twoSections)).toEqual([['sections.1.questions.0.id', 'Question id a is used twice']]);
  });
});
