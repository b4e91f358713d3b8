import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './field-errors.ts';
import { providerNoticeInputSchema } from './notices.ts';

describe('fieldErrorsOf', () => {
  it('gives a form every field the route would refuse, by dotted path, in one pass', () => {
    expect(
      fieldErrorsOf(providerNoticeInputSchema, {
        kind: 'dsl_change',
        effectiveOn: '',
        details: ' ',
      }),
    ).toEqual({
      effectiveOn: 'Enter the date the change takes effect',
      details: 'Say what changed: who left, who took over, and their role',
      'newPerson.name': 'Enter the new lead’s name: the provider’s record will show them',
    });
  });

  it('names a missing choice and an impossible date with their own messages', () => {
    expect(
      fieldErrorsOf(providerNoticeInputSchema, {
        kind: null,
        effectiveOn: '2026-02-30',
        details: 'A new DSL, Dawn',
      }),
    ).toEqual({
      kind: 'Choose what has changed',
      effectiveOn: 'Enter a real date in the form YYYY-MM-DD',
    });
  });

  it('has nothing to say of a notice the route accepts', () => {
    expect(
      fieldErrorsOf(providerNoticeInputSchema, {
        kind: 'new_staff',
        effectiveOn: '2026-01-19',
        details: 'A new tutor, Sam',
        checksAssured: true,
      }),
    ).toEqual({});
  });
});
