import { addDays, dateInWords, todayInLondon } from '@waymark/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { multipartBody, samplePdf } from '../../test/multipart.ts';
import { completeAnswers, providerBody } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// The test clock starts at 12 January 2026.
let t: TestApp;
let apLead: TestClient;
let head: TestClient;
let trustGroupId: string;

/** An AP lead and a headteacher at one school of a new trust in `app`. */
async function staffOf(app: TestApp) {
  const trust = await buildTrust(app.database.db);
  const lead = await buildUser(app.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'ap_lead', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  const headteacher = await buildUser(app.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'headteacher', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  return {
    groupId: trust.group.id,
    lead: await signedInClient(app.app, lead.email),
    head: await signedInClient(app.app, headteacher.email),
    leadEmail: lead.email,
    headEmail: headteacher.email,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  ({ lead: apLead, head, groupId: trustGroupId } = await staffOf(t));
});
afterAll(() => t.close());

// Each test has a provider of its own, so none depends on the steps another took.
let providers = 0;
const newProvider = async (lead = apLead, name = `Gatehouse ${++providers}`): Promise<string> =>
  (await lead.post('/api/providers', providerBody({ name }))).json().id;

async function file(providerId: string, kind: string, title: string, documentDate: string, lead = apLead) {
  const { body, contentType } = multipartBody(
    { kind, title, documentDate, expiresOn: '' },
    { name: `${kind}.pdf`, type: 'application/pdf', content: samplePdf },
  );
  const response = await lead.request('POST', `/api/providers/${providerId}/documents`, body, {
    'content-type': contentType,
  });
  return response.json().documents.find((d: { title: string }) => d.title === title);
}

const steps = async (providerId: string) =>
  Object.fromEntries(
    (await apLead.get(`/api/providers/${providerId}`))
      .json()
      .approval.steps.map((s: { id: string; done: boolean }) => [s.id, s.done]),
  );

/** A suitable audit, the letter of 9 January, insurance to the end of March: the evidence, in order. */
async function auditLetterAndInsurance(providerId: string, lead = apLead) {
  const audit = (
    await lead.post(`/api/providers/${providerId}/audits`, {
      visitedAt: '2026-01-08T10:00:00Z',
      auditorName: 'Sam',
    })
  ).json();
  await lead.put(`/api/audits/${audit.id}`, { answers: completeAnswers('yes') });
  await lead.post(`/api/audits/${audit.id}/submit`);
  await file(providerId, 'safeguarding_letter', 'Safeguarding assurance letter', '2026-01-09', lead);
  for (const [type, levelPounds] of [
    ['public_liability', 5_000_000],
    ['employers_liability', 10_000_000],
    ['professional_indemnity', 2_000_000],
  ] as const) {
    await lead.post(`/api/providers/${providerId}/insurance`, {
      type,
      insurer: 'Zurich',
      levelPounds,
      expiresOn: '2026-03-31',
    });
  }
}

/** A provider with every check met and approved by the headteacher. */
async function approvedProvider(name?: string, staff = { lead: apLead, head }) {
  const providerId = await newProvider(staff.lead, name);
  await auditLetterAndInsurance(providerId, staff.lead);
  const signed = await file(providerId, 'sla', 'SLA 2025/26', '2026-01-06', staff.lead);
  await staff.lead.put(`/api/providers/${providerId}/sla`, sla(signed.id));
  const approved = await staff.head.post(`/api/providers/${providerId}/decisions`, { kind: 'approved' });
  if (approved.json().status !== 'approved') throw new Error(`Not approved: ${approved.body}`);
  return providerId;
}

const sla = (signedDocumentId: string | null) => ({
  safeguarding: 'Provider follows the school’s child protection policy and reports concerns the same day',
  dataSharing: 'UK GDPR data sharing agreement signed',
  attendanceAmBy: '10:00',
  attendancePmBy: '14:00',
  attendanceMethod: 'Waymark register',
  complaints: 'School complaints procedure',
  escalation: 'AP lead, then headteacher',
  startsOn: '2026-01-05',
  endsOn: '2026-07-22',
  signedDocumentId,
});

describe('approving a provider (Appendix 3)', () => {
  it('refuses approval while checks are missing, saying which', async () => {
    const providerId = await newProvider();
    const response = await head.post(`/api/providers/${providerId}/decisions`, { kind: 'approved' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe('The provider cannot be approved yet: 5 checks are not met.');
    // With no audit the registration test has not been carried out: no alarm is not a pass.
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'steps.audit',
      'steps.registration',
      'steps.letter',
      'steps.insurance',
      'steps.sla',
    ]);
  });

  it('counts the registration test as carried out from the audit, or from a later dated check of the counts', async () => {
    const providerId = await newProvider();
    const registration = async () =>
      (await apLead.get(`/api/providers/${providerId}`))
        .json()
        .approval.steps.find((s: { id: string }) => s.id === 'registration');
    expect(await registration()).toMatchObject({
      done: false,
      detail: 'Not checked yet: confirm the counts at an audit or record a check',
    });
    await auditLetterAndInsurance(providerId);
    expect(await registration()).toMatchObject({
      done: true,
      detail: 'Counts confirmed 8 Jan 2026; due again by 8 Jan 2027',
    });
    const today = todayInLondon(t.now());
    const checked = await apLead.put(`/api/providers/${providerId}/registration-check`, {
      fullTimePupils: 0,
      fullTimePupilsLookedAfterOrEhcp: 0,
    });
    expect(checked.statusCode).toBe(200);
    expect(await registration()).toMatchObject({
      done: true,
      detail: `Counts confirmed ${dateInWords(today)}; due again by ${dateInWords(addDays(today, 365))}`,
    });
  });

  it('checks off each step as the evidence arrives', async () => {
    const providerId = await newProvider();
    await auditLetterAndInsurance(providerId);
    const unsigned = await apLead.put(`/api/providers/${providerId}/sla`, sla(null));
    expect(unsigned.json().sla.signedDocumentId).toBeNull();
    expect(await steps(providerId)).toMatchObject({
      audit: true,
      registration: true,
      letter: true,
      insurance: true,
      sla: false,
      sign_off: false,
    });

    const wrongDocument = await file(providerId, 'policy', 'Behaviour policy', '2026-01-02');
    expect(
      (await apLead.put(`/api/providers/${providerId}/sla`, sla(wrongDocument.id))).json().error.fields,
    ).toEqual([
      { path: 'signedDocumentId', message: 'Choose a service level agreement filed for this provider' },
    ]);
    const signed = await file(providerId, 'sla', 'SLA 2025/26', '2026-01-06');
    await apLead.put(`/api/providers/${providerId}/sla`, sla(signed.id));
    const ready = (await apLead.get(`/api/providers/${providerId}`)).json();
    expect(ready.approval.readyForSignOff).toBe(true);
    expect(ready.status).toBe('ready_for_approval');
  });

  it('only the headteacher signs off; then the provider is approved', async () => {
    const providerId = await newProvider(apLead, 'Gatehouse');
    await auditLetterAndInsurance(providerId);
    const signed = await file(providerId, 'sla', 'SLA 2025/26', '2026-01-06');
    await apLead.put(`/api/providers/${providerId}/sla`, sla(signed.id));
    const approvedNamed = async () =>
      (await apLead.get('/api/providers?status=approved&search=Gatehouse'))
        .json()
        .providers.map((p: { name: string }) => p.name)
        .filter((name: string) => name === 'Gatehouse');
    expect(await approvedNamed()).toEqual([]);
    expect(
      (await apLead.post(`/api/providers/${providerId}/decisions`, { kind: 'approved' })).statusCode,
    ).toBe(403);
    const approved = await head.post(`/api/providers/${providerId}/decisions`, { kind: 'approved' });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect(await approvedNamed()).toEqual(['Gatehouse']);
  });

  it('a change of senior leadership told through the portal makes a new letter due, and approval lapses', async () => {
    const providerId = await approvedProvider();
    const member = await buildUser(t.database.db, {
      groupId: trustGroupId,
      roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
    });
    const portal = await signedInClient(t.app, member.email);
    const incomplete = await portal.post('/api/portal/notices', {
      kind: 'senior_leadership_change',
      effectiveOn: '2026-01-31',
    });
    expect(incomplete.json().error.fields).toEqual([
      { path: 'details', message: expect.stringContaining('Say what changed') },
    ]);
    expect((await apLead.get(`/api/providers/${providerId}`)).json().status).toBe('approved');
    t.advanceMinutes(1);
    const told = await portal.post('/api/portal/notices', {
      kind: 'senior_leadership_change',
      effectiveOn: '2026-01-12',
      details: 'Jo Park has left; Sam Cole is now head of centre.',
    });
    expect(told.statusCode).toBe(201);
    const provider = (await apLead.get(`/api/providers/${providerId}`)).json();
    expect(provider.status).toBe('lapsed');
    expect(provider.approval.steps.find((s: { id: string }) => s.id === 'letter').detail).toMatch(
      /^A change of senior leadership was notified on \d{1,2} [A-Z][a-z]{2} \d{4}, after the letter of 9 Jan 2026: a new letter is due$/,
    );
    const { notices } = (await apLead.get(`/api/providers/${providerId}/notices`)).json();
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'senior_leadership_change',
        source: 'portal',
        effectiveOn: '2026-01-12',
      }),
    ]);
    // The provider's own staff only: a notice for another provider is refused.
    const elsewhere = (await apLead.post('/api/providers', providerBody({ name: 'Elsewhere House' }))).json()
      .id;
    const wrong = await portal.post('/api/portal/notices', {
      providerId: elsewhere,
      kind: 'dsl_change',
      effectiveOn: '2026-01-12',
      details: 'Not ours to tell.',
      newPerson: { name: 'Lee Grant' },
    });
    expect(wrong.json().error.fields).toEqual([
      { path: 'providerId', message: 'Choose a provider you work for' },
    ]);
    expect((await apLead.get(`/api/providers/${elsewhere}/notices`)).json().notices).toEqual([]);
  });

  it('lapses by itself when the insurance runs out', async () => {
    // Moving the clock on is this test's alone: a database and a clock of its own.
    const own = await createTestApp();
    try {
      const staff = await staffOf(own);
      const providerId = await approvedProvider('Gatehouse', staff);
      own.advanceMinutes(80 * 24 * 60); // to early April 2026: the sessions have ended too, so sign in again
      const lead = await signedInClient(own.app, staff.leadEmail);
      const lapsed = (await lead.get(`/api/providers/${providerId}`)).json();
      expect(lapsed.status).toBe('lapsed');
      expect(lapsed.approval.steps.find((s: { id: string }) => s.id === 'insurance').detail).toMatch(
        /^Not met: Public liability/,
      );
    } finally {
      await own.close();
    }
  });

  it('a suspension needs a reason, and only a suspended provider can be reinstated', async () => {
    const providerId = await approvedProvider();
    expect(
      (await head.post(`/api/providers/${providerId}/decisions`, { kind: 'reinstated' })).json().error.code,
    ).toBe('providers.not_suspended');
    expect(
      (await head.post(`/api/providers/${providerId}/decisions`, { kind: 'suspended' })).json().error.fields,
    ).toEqual([{ path: 'reason', message: 'Say why the provider is suspended' }]);
    const suspended = await head.post(`/api/providers/${providerId}/decisions`, {
      kind: 'suspended',
      reason: 'Safeguarding concern under investigation',
    });
    expect(suspended.json().status).toBe('suspended');
  });

  it("dates each decision by Waymark's clock, and the last one made stands when the clock shows the same time", async () => {
    const providerId = await approvedProvider();
    // The test clock does not move between these: three decisions at one instant, in order.
    for (const kind of ['suspended', 'reinstated', 'suspended', 'reinstated'] as const) {
      const made = await head.post(`/api/providers/${providerId}/decisions`, { kind, reason: 'Reviewed' });
      expect(made.json().status).toBe(kind === 'suspended' ? 'suspended' : 'approved');
    }
    const signOff = (await apLead.get(`/api/providers/${providerId}`))
      .json()
      .approval.steps.find((s: { id: string }) => s.id === 'sign_off');
    expect(signOff.detail).toBe(`Approved ${dateInWords(t.now().toISOString().slice(0, 10))}`);
  });
});
