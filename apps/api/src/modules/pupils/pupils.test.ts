import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { pupilBody, upnFor } from '../../test/pupil-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let apLead: TestClient;
let otherLead: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  const lead = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'ap_lead', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  const other = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'ap_lead', scopeType: 'school', scopeId: trust.schoolB.id }],
  });
  apLead = await signedInClient(t.app, lead.email);
  otherLead = await signedInClient(t.app, other.email);
});
afterAll(() => t.close());

// Pupils other than the first test's Jordan have UPNs of their own.
let upns = 0;
const newPupil = async () => {
  const identifiers = { upn: upnFor(9100 + ++upns), uln: undefined };
  const created = await apLead.post('/api/pupils', pupilBody(trust.schoolA.id, identifiers));
  return { pupilId: created.json().id as string, identifiers };
};

describe('pupil records', () => {
  it('adds a pupil with a checked UPN and ULN; the year group follows from the date of birth', async () => {
    const response = await apLead.post('/api/pupils', pupilBody(trust.schoolA.id));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      displayName: 'Jordan Reeve',
      yearGroup: 9,
      schoolName: 'Alder School',
      version: 1,
    });
  });

  it('says which identifier check failed, and saves nothing', async () => {
    const response = await apLead.post(
      '/api/pupils',
      pupilBody(trust.schoolA.id, { upn: 'A201100018042', uln: '927630868', legalFirstName: 'Other' }),
    );
    expect(response.json().error.fields).toEqual([
      { path: 'upn', message: 'The check letter does not match: for these digits it would be R' },
      { path: 'uln', message: 'A ULN is 10 digits' },
    ]);
    expect((await apLead.get('/api/pupils?search=Other')).json().pupils).toEqual([]);
    const upn = upnFor(9000);
    await apLead.post('/api/pupils', pupilBody(trust.schoolA.id, { upn, uln: undefined }));
    const duplicate = await apLead.post('/api/pupils', pupilBody(trust.schoolA.id, { upn, uln: undefined }));
    expect(duplicate.json().error.fields).toEqual([
      { path: 'upn', message: 'A pupil with this UPN is already on this school’s roll' },
    ]);
  });

  it('keeps each school’s pupils to its own staff, and logs who read a record', async () => {
    const { pupilId } = await newPupil();
    expect((await otherLead.get(`/api/pupils/${pupilId}`)).statusCode).toBe(404);
    expect((await otherLead.get('/api/pupils')).json().pupils).toEqual([]);
    const elsewhere = await otherLead.post(
      '/api/pupils',
      pupilBody(trust.schoolA.id, { upn: 'T20110001804V' }),
    );
    expect(elsewhere.json().error.fields).toEqual([
      { path: 'schoolId', message: 'Choose one of your schools' },
    ]);
    await apLead.get(`/api/pupils/${pupilId}`);
    const admin = await signedInClient(t.app, trust.admin.email);
    const log = (await admin.get('/api/audit-log?action=pupils.viewed')).json();
    expect(log.events[0]).toMatchObject({ recordId: pupilId });
  });

  it('refuses a save made on a version someone else has since changed', async () => {
    const { pupilId, identifiers } = await newPupil();
    const first = await apLead.put(`/api/pupils/${pupilId}`, {
      version: 1,
      pupil: pupilBody(trust.schoolA.id, { ...identifiers, preferredName: 'Jordy' }),
    });
    expect(first.json()).toMatchObject({ displayName: 'Jordy Reeve', version: 2 });
    const second = await apLead.put(`/api/pupils/${pupilId}`, {
      version: 1,
      pupil: pupilBody(trust.schoolA.id, { ...identifiers, legalLastName: 'Reeves' }),
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('pupils.changed_since_opened');
    expect((await apLead.get(`/api/pupils/${pupilId}`)).json().legalLastName).toBe('Reeve');
  });
});
