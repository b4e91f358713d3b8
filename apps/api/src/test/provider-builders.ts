/** Test data for the provider directory and Appendix 1 audits. */

import { completeAuditAnswers } from '../modules/demo/demo-providers.ts';
import type { TestClient } from './http-client.ts';
import { multipartBody, samplePdf } from './multipart.ts';

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

/**
 * A provider taken through every Appendix 3 step by the API, as an AP lead and a headteacher would:
 * audit, letter, insurance, signed SLA, approval. Dates suit the test clock (January 2026).
 */
export async function approvedProvider(
  apLead: TestClient,
  head: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const providerId = (await apLead.post('/api/providers', providerBody(overrides))).json().id as string;
  const audit = (
    await apLead.post(`/api/providers/${providerId}/audits`, {
      visitedAt: '2026-01-08T10:00:00Z',
      auditorName: 'Sam',
    })
  ).json();
  await apLead.put(`/api/audits/${audit.id}`, { answers: completeAnswers('yes') });
  await apLead.post(`/api/audits/${audit.id}/submit`);
  const file = async (kind: string, title: string) => {
    const { body, contentType } = multipartBody(
      { kind, title, documentDate: '2026-01-09', expiresOn: '' },
      { name: `${kind}.pdf`, type: 'application/pdf', content: samplePdf },
    );
    const response = await apLead.request('POST', `/api/providers/${providerId}/documents`, body, {
      'content-type': contentType,
    });
    return response.json().documents.find((d: { title: string }) => d.title === title);
  };
  await file('safeguarding_letter', 'Safeguarding assurance letter');
  for (const [type, levelPounds] of [
    ['public_liability', 5_000_000],
    ['employers_liability', 10_000_000],
    ['professional_indemnity', 2_000_000],
  ] as const) {
    await apLead.post(`/api/providers/${providerId}/insurance`, {
      type,
      insurer: 'Zurich',
      levelPounds,
      expiresOn: '2026-12-31',
    });
  }
  const signed = await file('sla', 'SLA 2025/26');
  await apLead.put(`/api/providers/${providerId}/sla`, {
    safeguarding: 'Concerns reported the same day',
    dataSharing: 'Data sharing agreement signed',
    attendanceAmBy: '10:00',
    attendancePmBy: '14:00',
    attendanceMethod: 'Waymark register',
    complaints: 'School complaints procedure',
    escalation: 'AP lead, then headteacher',
    startsOn: '2026-01-05',
    endsOn: '2026-12-18',
    signedDocumentId: signed.id,
  });
  const decision = await head.post(`/api/providers/${providerId}/decisions`, { kind: 'approved' });
  if (decision.json().status !== 'approved') throw new Error(`Provider not approved: ${decision.body}`);
  return providerId;
}
