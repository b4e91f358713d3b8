/** Test data for the provider directory and Appendix 1 audits. */

import { completeAuditAnswers } from '../modules/demo/demo-providers.ts';

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
export const completeAnswers = completeAuditAnswers;
