/** Calls the API as the page's signed-in user, for setting up a journey's starting point quickly. */
import type { Page } from 'playwright-core';

export async function apiAs(page: Page) {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'waymark_csrf')?.value ?? '';
  const call = async (
    method: 'POST' | 'PUT',
    path: string,
    options: {
      data?: unknown;
      multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
    },
  ) => {
    const response = await page.request.fetch(path, {
      method,
      headers: { 'x-csrf-token': csrf },
      ...options,
    });
    if (!response.ok())
      throw new Error(`${method} ${path} failed: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return {
    post: (path: string, data: unknown) => call('POST', path, { data }),
    put: (path: string, data: unknown) => call('PUT', path, { data }),
    upload: (
      path: string,
      fields: Record<string, string>,
      file: { name: string; mimeType: string; buffer: Buffer },
    ) => call('POST', path, { multipart: { ...fields, file } }),
  };
}

type Api = Awaited<ReturnType<typeof apiAs>>;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A provider taken through every approval step by the API, as the AP lead and headteacher would. */
export async function approvedProviderVia(
  lead: Api,
  head: Api,
  name: string,
  completeAnswers: unknown,
  details: Record<string, unknown> = {},
) {
  const provider = await lead.post('/api/providers', {
    name,
    settingType: 'unregistered',
    addressLine1: '8 Canal Street',
    town: 'Liverpool',
    postcode: 'L1 2AB',
    telephone: '0151 000 7777',
    email: 'office@canal.example',
    keyContactName: 'Ola Price',
    onLaFramework: true,
    ...details,
  });
  const audit = await lead.post(`/api/providers/${provider.id}/audits`, {
    visitedAt: '2026-11-02T10:00:00Z',
    auditorName: 'Sam Whitlow',
  });
  await lead.put(`/api/audits/${audit.id}`, { answers: completeAnswers });
  await lead.post(`/api/audits/${audit.id}/submit`, {});
  const file = (kind: string, title: string) =>
    lead.upload(
      `/api/providers/${provider.id}/documents`,
      { kind, title, documentDate: '2026-11-10', expiresOn: '' },
      { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: pdf },
    );
  await file('safeguarding_letter', 'Safeguarding assurance letter');
  for (const [type, levelPounds] of [
    ['public_liability', 5_000_000],
    ['employers_liability', 10_000_000],
    ['professional_indemnity', 2_000_000],
  ] as const) {
    await lead.post(`/api/providers/${provider.id}/insurance`, {
      type,
      insurer: 'Zurich Municipal',
      levelPounds,
      expiresOn: '2027-10-31',
    });
  }
  const { documents } = await file('sla', 'Signed SLA');
  await lead.put(`/api/providers/${provider.id}/sla`, {
    safeguarding: 'Concerns reported the same day',
    dataSharing: 'Data sharing agreement signed',
    attendanceAmBy: '10:00',
    attendancePmBy: '14:00',
    attendanceMethod: 'Waymark register',
    complaints: 'School complaints procedure',
    escalation: 'AP lead, then headteacher',
    startsOn: '2026-09-01',
    endsOn: '2027-07-22',
    signedDocumentId: documents.find((d: { title: string }) => d.title === 'Signed SLA').id,
  });
  await head.post(`/api/providers/${provider.id}/decisions`, { kind: 'approved' });
  return provider.id as string;
}

/** A Riverside pupil placed with the provider and started, by the API, for journeys that need a live placement. */
export async function activePlacementVia(
  lead: Api,
  schools: { id: string; name: string }[],
  providerId: string,
  pupil: { upn: string; legalFirstName: string; legalLastName: string; parents?: unknown[] },
  placement: { type?: string; plan?: Record<string, unknown> } = {},
) {
  const created = await lead.post('/api/pupils', {
    schoolId: schools.find((s) => s.name === 'Riverside Academy')!.id,
    dateOfBirth: '2011-10-09',
    sex: 'M',
    senStatus: 'sen_support',
    lookedAfter: false,
    parents: [],
    ...pupil,
  });
  const referral = await lead.post('/api/placements', {
    pupilId: created.id,
    providerId,
    type: placement.type ?? 'commissioned_ap',
    reason: 'Vocational course',
  });
  await lead.put(`/api/placements/${referral.id}/plan`, {
    version: referral.version,
    reason: 'Vocational course',
    startsOn: '2026-11-23',
    plannedEndOn: '2027-02-12',
    agreement: {
      discussedOn: '2026-11-18',
      withWhom: 'The pupil and a parent',
      how: 'Meeting',
      agreed: true,
    },
    objectives: [{ id: 'o1', text: 'Level 1 course', timeline: 'Spring', successCriteria: 'Units 1-3' }],
    reintegrationTargets: [
      { id: 'r1', text: 'English at school', timeline: 'Summer', post16Link: 'College' },
    ],
    sessions: [{ day: 'thu', session: 'am', hours: 3 }],
    ...placement.plan,
  });
  await lead.post(`/api/placements/${referral.id}/send-referral`, {});
  await lead.post(`/api/placements/${referral.id}/start`, {});
  return { pupilId: created.id as string, placementId: referral.id as string };
}
