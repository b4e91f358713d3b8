import { appendix1 } from '@waymark/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../../test/http-client.ts';
import { completeAnswers, providerBody } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let apLead: TestClient;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  apLead = await staffAt(t, trust.schoolA, 'ap_lead');
  admin = await signedInClient(t.app, trust.admin.email);
});
afterAll(() => t.close());

async function newProviderAndAudit(name: string, lead = apLead) {
  const provider = (await lead.post('/api/providers', providerBody({ name }))).json();
  const audit = (
    await lead.post(`/api/providers/${provider.id}/audits`, {
      visitedAt: '2026-11-20T10:30:00Z',
      auditorName: 'Sam Whitlow',
    })
  ).json();
  return { provider, audit };
}

describe('auditing a provider (Appendix 1)', () => {
  it('starts on version 1 of the form with all 56 questions, and puts the provider under audit', async () => {
    const { provider, audit } = await newProviderAndAudit('Quay Centre');
    expect(audit).toMatchObject({
      status: 'draft',
      templateVersion: 1,
      questionCount: 56,
      answered: 0,
      auditorName: 'Sam Whitlow',
    });
    expect(audit.template.sections).toHaveLength(9);
    expect(audit.missing).toHaveLength(56);
    expect((await apLead.get(`/api/providers/${provider.id}`)).json().status).toBe('under_audit');
  });

  it('saves a draft at any time, and refuses answers the form does not have', async () => {
    const { audit } = await newProviderAndAudit('Dock Studio');
    const saved = await apLead.put(`/api/audits/${audit.id}`, {
      answers: { first_aid: { answer: 'yes', comment: '', fields: {} } },
    });
    expect(saved.json()).toMatchObject({ answered: 1 });
    const wrong = await apLead.put(`/api/audits/${audit.id}`, {
      answers: { made_up: { answer: 'yes', comment: '', fields: {} } },
    });
    expect(wrong.json().error).toMatchObject({
      code: 'audits.invalid_answers',
      fields: [{ path: 'answers.made_up' }],
    });
    expect((await apLead.get(`/api/audits/${audit.id}`)).json().answered).toBe(1);
  });

  it('will not submit with a missing answer, lists exactly what is missing, and submits nothing', async () => {
    const { audit } = await newProviderAndAudit('Pier Academy');
    const answers = completeAnswers();
    delete answers.fire_safety;
    answers.public_liability = {
      answer: 'yes',
      comment: '',
      fields: { insurer: 'Zurich', expiresOn: '2027-01-31', level: '' },
    };
    await apLead.put(`/api/audits/${audit.id}`, { answers });
    const response = await apLead.post(`/api/audits/${audit.id}/submit`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'audits.incomplete',
      message: 'The audit cannot be submitted: 2 answers are missing.',
      fields: [
        {
          path: 'answers.fire_safety',
          message: 'Health & Safety – Fire safety arrangements: Yes or No missing',
        },
        {
          path: 'answers.public_liability',
          message:
            'Insurance – Public Liability Insurance (£5,000,000 minimum): Level of liability (£) missing',
        },
      ],
    });
    expect((await apLead.get(`/api/audits/${audit.id}`)).json().status).toBe('draft');
  });

  it('submits a complete audit once; after that it cannot change, and the provider awaits its letter', async () => {
    const { provider, audit } = await newProviderAndAudit('Lighthouse Farm');
    await apLead.put(`/api/audits/${audit.id}`, { answers: completeAnswers('yes') });
    const submitted = await apLead.post(`/api/audits/${audit.id}/submit`);
    expect(submitted.json()).toMatchObject({ status: 'submitted', suitable: true, missing: [] });
    expect((await apLead.post(`/api/audits/${audit.id}/submit`)).json().error.code).toBe(
      'audits.already_submitted',
    );
    expect((await apLead.put(`/api/audits/${audit.id}`, { answers: {} })).statusCode).toBe(409);
    expect((await apLead.get(`/api/providers/${provider.id}`)).json()).toMatchObject({
      status: 'awaiting_letter',
      lastAudit: { suitable: true },
    });
    const list = (await apLead.get(`/api/providers/${provider.id}/audits`)).json().audits;
    expect(list).toEqual([expect.objectContaining({ id: audit.id, status: 'submitted', answered: 56 })]);
  });

  it('an audit that finds the provision unsuitable leaves the provider under audit', async () => {
    const { provider, audit } = await newProviderAndAudit('Cliff House');
    await apLead.put(`/api/audits/${audit.id}`, { answers: completeAnswers('no') });
    await apLead.post(`/api/audits/${audit.id}/submit`);
    expect((await apLead.get(`/api/providers/${provider.id}`)).json()).toMatchObject({
      status: 'under_audit',
      lastAudit: { suitable: false },
    });
  });
});

describe('versions of the audit form', () => {
  it('a new version applies to new audits; audits already started keep the version they began on', async () => {
    // A new version is for the whole group: a trust of this test's own, so the others keep version 1.
    const ownTrust = await buildTrust(t.database.db);
    const lead = await signedInClient(
      t.app,
      (
        await buildUser(t.database.db, {
          groupId: ownTrust.group.id,
          roles: [{ role: 'ap_lead', scopeType: 'school', scopeId: ownTrust.schoolA.id }],
        })
      ).email,
    );
    const admin = await signedInClient(t.app, ownTrust.admin.email);
    const { audit: before } = await newProviderAndAudit('Version Check', lead);
    const revised = structuredClone(appendix1);
    revised.sections[2]!.questions.push({
      id: 'defibrillator',
      text: 'Is a defibrillator on site?',
      commentRequired: false,
      fields: [],
    });
    const denied = await lead.post('/api/audit-templates', { template: revised, notes: 'Annual review' });
    expect(denied.statusCode).toBe(403);
    const published = await admin.post('/api/audit-templates', {
      template: revised,
      notes: 'Annual review, September 2027',
    });
    expect(published.json()).toMatchObject({ version: 2, questionCount: 57 });

    const { audit: after } = await newProviderAndAudit('Version Check 2', lead);
    expect(after).toMatchObject({ templateVersion: 2, questionCount: 57 });
    expect((await lead.get(`/api/audits/${before.id}`)).json()).toMatchObject({
      templateVersion: 1,
      questionCount: 56,
    });
    const versions = (await lead.get('/api/audit-templates'))
      .json()
      .templates.map((v: { version: number }) => v.version);
    expect(versions).toEqual([2, 1]);
  });

  it('refuses a template with a question id used twice', async () => {
    const broken = structuredClone(appendix1);
    broken.sections[0]!.questions.push({ ...broken.sections[0]!.questions[0]! });
    const response = await admin.post('/api/audit-templates', { template: broken, notes: 'Oops' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].message).toMatch(/used twice/);
  });

  it('refuses a template without the suitability question, which approval depends on', async () => {
    const withoutJudgement = structuredClone(appendix1);
    withoutJudgement.sections = withoutJudgement.sections.filter((s) => s.id !== 'suitability');
    const response = await admin.post('/api/audit-templates', {
      template: withoutJudgement,
      notes: 'Shorter',
    });
    expect(response.json().error.fields).toEqual([
      {
        path: 'template.sections',
        message: 'Keep the final suitability question: a provider’s approval depends on its answer',
      },
    ]);
  });
});
