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
let providerId: string;
let apLeadEmail: string;
let headEmail: string;
let trustGroupId: string;

beforeAll(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  trustGroupId = trust.group.id;
  const lead = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'ap_lead', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  const headteacher = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'headteacher', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  [apLeadEmail, headEmail] = [lead.email, headteacher.email];
  apLead = await signedInClient(t.app, lead.email);
  head = await signedInClient(t.app, headteacher.email);
  providerId = (await apLead.post('/api/providers', providerBody({ name: 'Gatehouse' }))).json().id;
});
afterAll(() => t.close());

async function file(kind: string, title: string, documentDate: string) {
  const { body, contentType } = multipartBody(
    { kind, title, documentDate, expiresOn: '' },
    { name: `${kind}.pdf`, type: 'application/pdf', content: samplePdf },
  );
  const response = await apLead.request('POST', `/api/providers/${providerId}/documents`, body, {
    'content-type': contentType,
  });
  return response.json().documents.find((d: { title: string }) => d.title === title);
}

const steps = async () =>
  Object.fromEntries(
    (await apLead.get(`/api/providers/${providerId}`))
      .json()
      .approval.steps.map((s: { id: string; done: boolean }) => [s.id, s.done]),
  );

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
    const response = await head.post(`/api/providers/${providerId}/decisions`, { kind: 'approved' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe('The provider cannot be approved yet: 4 checks are not met.');
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'steps.audit',
      'steps.letter',
      'steps.insurance',
      'steps.sla',
    ]);
  });

  it('checks off each step as the evidence arrives', async () => {
    const audit = (
      await apLead.post(`/api/providers/${providerId}/audits`, {
        visitedAt: '2026-01-08T10:00:00Z',
        auditorName: 'Sam',
      })
    ).json();
    await apLead.put(`/api/audits/${audit.id}`, { answers: completeAnswers('yes') });
    await apLead.post(`/api/audits/${audit.id}/submit`);
    expect((await apLead.get(`/api/providers/${providerId}`)).json().status).toBe('awaiting_letter');

    await file('safeguarding_letter', 'Safeguarding assurance letter', '2026-01-09');
    for (const [type, levelPounds] of [
      ['public_liability', 5_000_000],
      ['employers_liability', 10_000_000],
      ['professional_indemnity', 2_000_000],
    ] as const) {
      await apLead.post(`/api/providers/${providerId}/insurance`, {
        type,
        insurer: 'Zurich',
        levelPounds,
        expiresOn: '2026-03-31',
      });
    }
    const unsigned = await apLead.put(`/api/providers/${providerId}/sla`, sla(null));
    expect(unsigned.json().sla.signedDocumentId).toBeNull();
    expect(await steps()).toMatchObject({
      audit: true,
      registration: true,
      letter: true,
      insurance: true,
      sla: false,
      sign_off: false,
    });

    const wrongDocument = await file('policy', 'Behaviour policy', '2026-01-02');
    expect(
      (await apLead.put(`/api/providers/${providerId}/sla`, sla(wrongDocument.id))).json().error.fields,
    ).toEqual([
      { path: 'signedDocumentId', message: 'Choose a service level agreement filed for this provider' },
    ]);
    const signed = await file('sla', 'SLA 2025/26', '2026-01-06');
    await apLead.put(`/api/providers/${providerId}/sla`, sla(signed.id));
    const ready = (await apLead.get(`/api/providers/${providerId}`)).json();
    expect(ready.approval.readyForSignOff).toBe(true);
    expect(ready.status).toBe('under_audit');
  });

  it('only the headteacher signs off; then the provider is approved', async () => {
    expect(
      (await apLead.post(`/api/providers/${providerId}/decisions`, { kind: 'approved' })).statusCode,
    ).toBe(403);
    const approved = await head.post(`/api/providers/${providerId}/decisions`, { kind: 'approved' });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect(
      (await apLead.get('/api/providers?status=approved'))
        .json()
        .providers.map((p: { name: string }) => p.name),
    ).toEqual(['Gatehouse']);
  });

  it('a change of senior leadership told through the portal makes a new letter due, and approval lapses', async () => {
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
      /^A change of senior leadership was notified on \d{4}-\d{2}-\d{2}, after the letter of 2026-01-09: a new letter is due$/,
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
    });
    expect(wrong.json().error.fields).toEqual([
      { path: 'providerId', message: 'Choose a provider you work for' },
    ]);
    expect((await apLead.get(`/api/providers/${elsewhere}/notices`)).json().notices).toEqual([]);
  });

  it('lapses by itself when the insurance runs out', async () => {
    t.advanceMinutes(80 * 24 * 60); // to early April 2026: the sessions have ended too, so sign in again
    apLead = await signedInClient(t.app, apLeadEmail);
    head = await signedInClient(t.app, headEmail);
    const lapsed = (await apLead.get(`/api/providers/${providerId}`)).json();
    expect(lapsed.status).toBe('lapsed');
    expect(lapsed.approval.steps.find((s: { id: string }) => s.id === 'insurance').detail).toMatch(
      /^Not met: Public liability/,
    );
  });

  it('a suspension needs a reason, and only a suspended provider can be reinstated', async () => {
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
});
