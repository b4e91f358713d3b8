/** Test data for the provider directory and Appendix 1 audits. */
import { type AuditAnswers, appendix1 } from '@waymark/domain';

export function providerBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Harbour Learning',
    settingType: 'unregistered',
    addressLine1: '12 Dock Road',
    town: 'Liverpool',
    postcode: 'L3 4AA',
    telephone: '0151 496 0000',
    email: 'office@harbour.example',
    keyContactName: 'Hana Reid',
    keyContactRole: 'Centre manager',
    ukprn: '10012345',
    onLaFramework: true,
    ofstedGrade: 'not_applicable',
    dsl: { name: 'Dan Shaw', trainingDetails: 'DSL refresher, local authority', trainedOn: '2026-09-14' },
    deputyDsl: { name: 'Priya Das', trainingDetails: null, trainedOn: null },
    ...overrides,
  };
}

/** Every question answered, Yes with its details where the form asks for them. */
export function completeAnswers(suitable: 'yes' | 'no' = 'yes'): AuditAnswers {
  const answers: AuditAnswers = {};
  for (const question of appendix1.sections.flatMap((s) => s.questions)) {
    const fields: Record<string, string | string[]> = {};
    for (const field of question.fields) {
      if (field.kind === 'checklist') fields[field.id] = [field.options![0]!];
      else if (field.kind === 'date') fields[field.id] = '2027-03-31';
      else if (field.kind === 'money') fields[field.id] = '10000000';
      else fields[field.id] = 'Recorded';
    }
    answers[question.id] = { answer: 'yes', comment: 'Seen on the visit', fields };
  }
  answers.suitable = {
    answer: suitable,
    comment: 'Small groups and a calm site suit our pupils',
    fields: {},
  };
  return answers;
}
