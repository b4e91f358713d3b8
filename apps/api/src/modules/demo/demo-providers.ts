/** The demo trust's providers, with the directory details an AP lead would have recorded. */
import { type AuditAnswers, appendix1, type ProviderInput } from '@waymark/domain';

export const demoProviderDetails: Record<'bridges' | 'greenway', Omit<ProviderInput, 'name'>> = {
  bridges: {
    settingType: 'unregistered',
    addressLine1: '14 Canning Street',
    addressLine2: null,
    town: 'Liverpool',
    postcode: 'L8 7NN',
    telephone: '0151 496 0812',
    email: 'office@bridges.example',
    keyContactName: 'Lena Morris',
    keyContactRole: 'Centre manager',
    dfeNumber: null,
    urn: null,
    ukprn: '10087654',
    aalaLicence: null,
    ofstedGrade: 'not_applicable',
    ofstedReportDate: null,
    onLaFramework: true,
    dsl: {
      name: 'Lena Morris',
      trainingDetails: 'DSL training, Liverpool Safeguarding Children Partnership',
      trainedOn: '2026-09-10',
    },
    deputyDsl: { name: 'Omar Haddad', trainingDetails: 'Deputy DSL training', trainedOn: '2026-02-04' },
  },
  greenway: {
    settingType: 'unregistered',
    addressLine1: 'Greenway Farm, Moss Lane',
    addressLine2: null,
    town: 'Ormskirk',
    postcode: 'L39 4QX',
    telephone: '01695 000123',
    email: 'learning@greenway.example',
    keyContactName: 'Tom Greenway',
    keyContactRole: 'Education lead',
    dfeNumber: null,
    urn: null,
    ukprn: null,
    aalaLicence: 'R1234',
    ofstedGrade: null,
    ofstedReportDate: null,
    onLaFramework: false,
    dsl: { name: 'Tom Greenway', trainingDetails: null, trainedOn: '2025-11-20' },
    deputyDsl: null,
  },
};

// What an AP lead would write in each detail the form asks for.
const demoFieldValues: Record<string, string> = {
  dfeNumber: '',
  aalaLicence: '',
  trainingProvider: 'Liverpool Safeguarding Children Partnership',
  course: 'Level 3 Designated Safeguarding Lead',
  trainedOn: '2026-09-10',
  insurer: 'Zurich Municipal',
  expiresOn: '2027-03-31',
  level: '10000000',
  specialConditions: '',
};

// An unregistered centre: not a school, not an outdoor-activity provider, no vehicles, no subcontractors.
const answeredNo = new Set([
  'meets_registration_condition',
  'registered_with_dfe',
  'outdoor_adventurous_activity',
  'motor_vehicle',
  'subcontractor_liability',
  'subcontracted_provision',
]);

/** A completed audit of a sound, unregistered provider: every question answered, with its details. */
export function completeAuditAnswers(suitable: 'yes' | 'no' = 'yes'): AuditAnswers {
  const answers: AuditAnswers = {};
  for (const question of appendix1.sections.flatMap((s) => s.questions)) {
    const answer = answeredNo.has(question.id) ? 'no' : 'yes';
    const fields: Record<string, string | string[]> = {};
    if (answer === 'yes') {
      for (const field of question.fields) {
        fields[field.id] =
          field.kind === 'checklist'
            ? [...(field.options ?? [])].filter((o) => o !== 'Other')
            : (demoFieldValues[field.id] ?? '');
      }
    }
    answers[question.id] = {
      answer,
      comment: question.commentRequired ? 'Seen on the visit and discussed with the centre manager' : '',
      fields,
    };
  }
  answers.dsl_and_ddsl = {
    answer: 'yes',
    comment: 'Lena Morris (DSL) and Omar Haddad (deputy); both trained within two years',
    fields: {},
  };
  answers.suitable = {
    answer: suitable,
    comment: 'Small groups, a calm site and staff experienced with SEMH needs',
    fields: {},
  };
  return answers;
}
