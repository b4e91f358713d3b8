import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { multipartBody, samplePdf } from '../../test/multipart.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { pupilBody } from '../../test/pupil-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// The test clock starts on Monday 12 January 2026.
let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let lead: TestClient;
let otherLead: TestClient;
let portal: TestClient;
let placementId: string;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  const user = (role: 'ap_lead' | 'headteacher', schoolId = trust.schoolA.id) =>
    buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role, scopeType: 'school', scopeId: schoolId }],
    });
  lead = await signedInClient(t.app, (await user('ap_lead')).email);
  otherLead = await signedInClient(t.app, (await user('ap_lead', trust.schoolB.id)).email);
  const head = await signedInClient(t.app, (await user('headteacher')).email);
  const providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const pupilId = (await lead.post('/api/pupils', pupilBody(trust.schoolA.id))).json().id;
  placementId = (
    await lead.post('/api/placements', { pupilId, providerId, type: 'commissioned_ap', reason: 'Vocational' })
  ).json().id;
  const staff = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
  });
  portal = await signedInClient(t.app, staff.email);
});
afterAll(() => t.close());

/** A member of staff supporting the pupil's placement: each test has its own. */
async function newStaff(name: string) {
  const added = await lead.post('/api/training/staff', {
    schoolId: trust.schoolA.id,
    name,
    role: 'AP link teaching assistant',
    placementIds: [placementId],
  });
  if (added.statusCode !== 201) throw new Error(`Not added: ${added.body}`);
  return added.json().id as string;
}

const trauma = {
  course: 'Trauma-informed practice',
  trainingProvider: 'Northway Learning Trust',
  completedOn: '2025-10-14',
  topics: ['behaviour_management', 'communication_strategies'],
  expiresOn: '2028-10-14',
};

const listed = async (staffId: string) =>
  (await lead.get('/api/training/staff')).json().staff.find((s: { id: string }) => s.id === staffId);

describe('staff training for AP', () => {
  it('keeps who supports which pupils, at their own school only', async () => {
    const elsewhere = await otherLead.post('/api/training/staff', {
      schoolId: trust.schoolB.id,
      name: 'Lee Grant',
      role: 'Learning mentor',
      placementIds: [placementId],
    });
    expect(elsewhere.json().error.fields).toEqual([
      { path: 'placementIds', message: 'Choose placements of pupils at this school' },
    ]);
    const added = await lead.post('/api/training/staff', {
      schoolId: trust.schoolA.id,
      name: 'Dee Hart',
      role: 'AP link teaching assistant',
      placementIds: [placementId],
    });
    expect(added.statusCode).toBe(201);
    expect((await otherLead.get('/api/training/staff')).json().staff).toEqual([]);
    expect((await portal.get('/api/training/staff')).statusCode).toBe(403);
  });

  it('refuses an expiry before the training and keeps the record with its certificate', async () => {
    const staffId = await newStaff('Ray Cole');
    const record = { ...trauma, expiresOn: '2025-09-01' };
    const bad = await lead.post(`/api/training/staff/${staffId}/records`, record);
    expect(bad.json().error.fields).toEqual([
      { path: 'expiresOn', message: 'The expiry must come after the training date' },
    ]);
    const noTopic = await lead.post(`/api/training/staff/${staffId}/records`, {
      ...record,
      topics: [],
      expiresOn: null,
    });
    expect(noTopic.json().error.fields).toEqual([{ path: 'topics', message: 'Choose at least one topic' }]);
    // Training not done yet cannot be recorded as done: tomorrow is refused, today is not.
    const tomorrow = await lead.post(`/api/training/staff/${staffId}/records`, {
      ...record,
      completedOn: '2026-01-13',
      expiresOn: null,
    });
    expect(tomorrow.json().error.fields).toEqual([
      { path: 'completedOn', message: 'This date is in the future' },
    ]);
    const saved = await lead.post(`/api/training/staff/${staffId}/records`, {
      ...record,
      expiresOn: '2028-10-14',
    });
    expect(saved.statusCode).toBe(201);
    const { body, contentType } = multipartBody(
      {},
      { name: 'certificate.pdf', type: 'application/pdf', content: samplePdf },
    );
    const filed = await lead.request('POST', `/api/training/records/${saved.json().id}/certificate`, body, {
      'content-type': contentType,
    });
    expect(filed.statusCode).toBe(204);
    const download = await lead.request('GET', `/api/training/records/${saved.json().id}/certificate`);
    expect(download.rawPayload.equals(samplePdf)).toBe(true);
  });

  it('has the annual needs review due until it is done, then a year on', async () => {
    const staffId = await newStaff('Sol Amin');
    const before = await listed(staffId);
    expect(before).toMatchObject({ reviewDue: true, nextReviewOn: '2026-01-12', lastReview: null });
    const future = await lead.post(`/api/training/staff/${staffId}/reviews`, {
      reviewedOn: '2026-02-01',
      needs: 'x',
      plan: 'y',
    });
    expect(future.statusCode).toBe(400);
    await lead.post(`/api/training/staff/${staffId}/reviews`, {
      reviewedOn: '2026-01-12',
      needs: 'Supporting pupils with autism in practical settings',
      plan: 'Autism Education Trust level 2 in the spring',
    });
    const after = await listed(staffId);
    expect(after).toMatchObject({ reviewDue: false, nextReviewOn: '2027-01-12' });
  });

  it('shows training beside the outcomes of the pupils supported', async () => {
    const staffId = await newStaff('Mo Reid');
    expect((await lead.post(`/api/training/staff/${staffId}/records`, trauma)).statusCode).toBe(201);
    const row = (await lead.get('/api/training/effectiveness'))
      .json()
      .staff.find((s: { name: string }) => s.name === 'Mo Reid');
    expect(row).toMatchObject({
      name: 'Mo Reid',
      topics: ['behaviour_management', 'communication_strategies'],
      pupils: [{ placementId, pupilName: 'Jordan Reeve', attendancePercent: null, lastReviewDecision: null }],
    });
  });
});
