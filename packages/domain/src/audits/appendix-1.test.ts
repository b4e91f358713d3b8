import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendix1, externalAgencies, namedPolicies } from './appendix-1.ts';
import { findMissingAnswers } from './audit-completeness.ts';
import { type AuditAnswers, auditTemplateSchema } from './audit-template.ts';

// Appendix 1 exactly as the policy prints it (tab-separated tables), kept beside the test.
const policyText = readFileSync(new URL('./fixtures/appendix-1.txt', import.meta.url), 'utf8');
const tableHeaders = new Set(['Question', 'Insurance Type', 'Document']);

/** Every row of the appendix's question tables: the first cell, when it is a question. */
function questionsInPolicy(): string[] {
  return policyText
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => line.split('\t')[0]!.trim())
    .filter((cell) => cell && !tableHeaders.has(cell) && !cell.endsWith(':'));
}

const templateQuestions = appendix1.sections.flatMap((s) => s.questions.map((q) => q.text));

describe('the Appendix 1 template, version 1', () => {
  it('is a valid template', () => {
    expect(auditTemplateSchema.safeParse(appendix1).success).toBe(true);
  });

  it('asks every question of the appendix, word for word, and nothing else', () => {
    expect(questionsInPolicy()).toHaveLength(56);
    expect(templateQuestions).toEqual(questionsInPolicy());
  });

  it('has the appendix’s sections in order', () => {
    expect(appendix1.sections.map((s) => s.title)).toEqual([
      'Registration Status',
      'Safeguarding',
      'Health & Safety',
      'Insurance',
      'Quality of Provision',
      'Transition and Admission Processes',
      'Additional Support',
      'Supporting Documentation',
      'Suitability of Provision',
    ]);
    for (const section of appendix1.sections) expect(policyText).toContain(`\n${section.title}\n`);
  });

  it('lists the named policies and external agencies as the appendix does', () => {
    // The policy list wraps onto a second table row in the source ("Low-" / "level Concerns").
    const policyList = policyText
      .match(/Attendance, Admissions,[\s\S]*?Complaints Procedure/)![0]
      .replace(/Low-\s*\n[\s\S]*?\tlevel/, 'Low-level');
    expect(policyList.split(',').map((p) => p.replace(/\s+/g, ' ').trim())).toEqual([...namedPolicies]);
    expect(policyText).toContain(`(${externalAgencies.join(', ')})`);
  });

  it('asks for the structured details the Comment column names', () => {
    const fields = (id: string) =>
      appendix1.sections
        .flatMap((s) => s.questions)
        .find((q) => q.id === id)!
        .fields.map((f) => f.label);
    expect(fields('registered_with_dfe')).toEqual(['DfE number']);
    expect(fields('outdoor_adventurous_activity')).toEqual(['AALA Licence number']);
    expect(fields('safeguarding_training')).toEqual(['Training provider', 'Course name/level', 'Date']);
    expect(fields('public_liability')).toEqual(['Insurer', 'Expiry date', 'Level of liability (£)']);
    expect(fields('motor_vehicle')).toEqual(['Insurer', 'Expiry date', 'Special conditions']);
  });
});

describe('an audit is complete only when every question is answered', () => {
  const allNo: AuditAnswers = Object.fromEntries(
    appendix1.sections
      .flatMap((s) => s.questions)
      .map((q) => [q.id, { answer: 'no', comment: 'Noted', fields: {} }]),
  );

  it('lists every question on an empty audit', () => {
    expect(findMissingAnswers(appendix1, {})).toHaveLength(56);
  });

  it('accepts an audit with every question answered', () => {
    expect(findMissingAnswers(appendix1, allNo)).toEqual([]);
  });

  it('wants a comment on open questions', () => {
    const missing = findMissingAnswers(appendix1, {
      ...allNo,
      dsl_and_ddsl: { answer: 'yes', comment: ' ', fields: {} },
    });
    expect(missing).toEqual([
      {
        questionId: 'dsl_and_ddsl',
        section: 'Safeguarding',
        question: "Who are the provider's DSL and DDSL?",
        missing: 'a comment',
      },
    ]);
  });

  it('wants the named details when the answer is Yes', () => {
    const missing = findMissingAnswers(appendix1, {
      ...allNo,
      public_liability: { answer: 'yes', comment: '', fields: { insurer: 'Aviva', level: '' } },
      policies_in_place: { answer: 'yes', comment: '', fields: { policies: [] } },
    });
    expect(missing.map((m) => `${m.questionId}: ${m.missing}`)).toEqual([
      'policies_in_place: Policies and procedures in place',
      'public_liability: Expiry date',
      'public_liability: Level of liability (£)',
    ]);
  });
});

describe('checking saved answers', () => {
  it('refuses answers to questions the form does not have, unknown ticks, bad dates and amounts', async () => {
    const { checkAnswerValues } = await import('./audit-answers.ts');
    expect(
      checkAnswerValues(appendix1, {
        made_up: { answer: 'yes', comment: '', fields: {} },
        policies_in_place: { answer: 'yes', comment: '', fields: { policies: ['Attendance', 'Knitting'] } },
        public_liability: { answer: 'yes', comment: '', fields: { expiresOn: '2026-02-30', level: 'lots' } },
      }),
    ).toEqual([
      { path: 'answers.made_up', message: 'This form has no such question' },
      { path: 'answers.policies_in_place.fields.policies', message: 'Not on the list: Knitting' },
      {
        path: 'answers.public_liability.fields.expiresOn',
        message: 'Enter a real date in the form YYYY-MM-DD',
      },
      { path: 'answers.public_liability.fields.level', message: 'Enter an amount in pounds, like 5000000' },
    ]);
    expect(
      checkAnswerValues(appendix1, {
        public_liability: { answer: 'yes', comment: '', fields: { level: '£5,000,000' } },
      }),
    ).toEqual([]);
  });
});
