import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../../test/http-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** An AP lead at a school of a new trust: each test imports into an empty school of its own. */
async function leadOfNewTrust() {
  const trust = await buildTrust(t.database.db);
  const lead = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'ap_lead', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  return { trust, apLead: await signedInClient(t.app, lead.email) };
}

const header =
  'UPN,Legal Forename,Legal Surname,DOB,Gender,SEN Status,LAC,Virtual School,Contact Name,Contact Telephone';
const good = [
  'R201100018042,Amy,Cole,04/09/2012,F,K,N,,Jo Cole,07700 900111',
  'T20110001804V,Ben,Dunn,2011-12-01,M,N,Y,Sefton Virtual School,,',
];
const countOf = async (apLead: TestClient) => (await apLead.get('/api/pupils')).json().pupils.length;

describe('importing pupils from a CSV file', () => {
  it('previews each row with its problems and saves nothing', async () => {
    const { trust, apLead } = await leadOfNewTrust();
    const count = () => countOf(apLead);
    const content = [header, ...good, 'A201100018042,Cal,,31/02/2012,X,E,maybe,,,'].join('\n');
    const preview = (
      await apLead.post('/api/pupils/import/preview', { schoolId: trust.schoolA.id, format: 'csv', content })
    ).json();
    expect(preview.mapping).toMatchObject({
      upn: 'UPN',
      legalFirstName: 'Legal Forename',
      lookedAfter: 'LAC',
    });
    expect(preview).toMatchObject({ ready: 2, withProblems: 1 });
    expect(preview.rows[2].line).toBe(4);
    expect(preview.rows[2].problems.map((p: { field: string }) => p.field)).toEqual([
      'lookedAfter',
      'upn',
      'legalLastName',
      'dateOfBirth',
      'sex',
    ]);
    expect(await count()).toBe(0);
  });

  it('imports nothing when any row is wrong, then everything once they are right', async () => {
    const { trust, apLead } = await leadOfNewTrust();
    const count = () => countOf(apLead);
    const bad = [header, ...good, 'R201100018042,Amy,Again,04/09/2012,F,N,N,,,'].join('\n');
    const refused = await apLead.post('/api/pupils/import', {
      schoolId: trust.schoolA.id,
      format: 'csv',
      content: bad,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'pupils.import_has_errors' });
    expect(refused.json().error.fields[0].message).toBe('Line 4: The same UPN is on line 2');
    expect(await count()).toBe(0);

    // The EHCP row needs its local authority: supplied through a column the user maps by hand.
    const fixed = [
      `${header},Maintaining LA`,
      'R201100018042,Amy,Cole,04/09/2012,F,E,N,,Jo Cole,07700 900111,Sefton',
      `${good[1]},`,
    ].join('\n');
    const mapping = {
      upn: 'UPN',
      legalFirstName: 'Legal Forename',
      legalLastName: 'Legal Surname',
      dateOfBirth: 'DOB',
      sex: 'Gender',
      senStatus: 'SEN Status',
      lookedAfter: 'LAC',
      virtualSchoolContact: 'Virtual School',
      parentName: 'Contact Name',
      parentTelephone: 'Contact Telephone',
      ehcpLocalAuthority: 'Maintaining LA',
    };
    const imported = await apLead.post('/api/pupils/import', {
      schoolId: trust.schoolA.id,
      format: 'csv',
      content: fixed,
      mapping,
    });
    expect(imported.json()).toEqual({ imported: 2 });
    const again = await apLead.post('/api/pupils/import', {
      schoolId: trust.schoolA.id,
      format: 'csv',
      content: fixed,
      mapping,
    });
    expect(again.json().error.fields[0].message).toBe(
      'Line 2: This pupil is already in Waymark for this school',
    );
    expect(await count()).toBe(2);
  });

  it('says which columns are missing, and refuses a school outside the user’s reach', async () => {
    const { trust, apLead } = await leadOfNewTrust();
    const response = await apLead.post('/api/pupils/import', {
      schoolId: trust.schoolA.id,
      format: 'csv',
      content: 'Name,Year\nSomeone,9',
    });
    expect(response.json().error.code).toBe('pupils.import_columns_missing');
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'mapping.upn',
      'mapping.legalFirstName',
      'mapping.legalLastName',
      'mapping.dateOfBirth',
      'mapping.sex',
    ]);
    const elsewhere = await apLead.post('/api/pupils/import/preview', {
      schoolId: trust.schoolB.id,
      format: 'csv',
      content: [header, ...good].join('\n'),
    });
    expect(elsewhere.json().error.fields).toEqual([
      { path: 'schoolId', message: 'Choose one of your schools' },
    ]);
  });
});

describe('importing pupils from a Common Transfer File', () => {
  const ctf = `<?xml version="1.0" encoding="UTF-8"?>
<CTfile>
  <Header><DocumentName>Common Transfer File</DocumentName><CTFversion>24.0</CTFversion></Header>
  <CTFpupilData>
    <Pupil>
      <UPN>R201100018042</UPN><UniqueLearnerNumber>9276308686</UniqueLearnerNumber>
      <Surname>Okafor</Surname><Forename>Dami</Forename><DOB>2012-06-30</DOB><Sex>M</Sex>
      <BasicDetails><PreferredForename>Dee</PreferredForename><InCare>false</InCare></BasicDetails>
      <SENhistory><SEN><StartDate>2020-09-01</StartDate><SENprovision>K</SENprovision></SEN></SENhistory>
      <Contacts><Contact><Surname>Okafor</Surname><Forename>Grace</Forename><Relationship>MUM</Relationship>
        <Phones><Phone><TelephoneNumber>07700900222</TelephoneNumber></Phone></Phones></Contact></Contacts>
    </Pupil>
  </CTFpupilData>
</CTfile>`;

  it('reads the pupils from the XML and imports them', async () => {
    const { trust, apLead } = await leadOfNewTrust();
    const preview = (
      await apLead.post('/api/pupils/import/preview', {
        schoolId: trust.schoolB.id,
        format: 'ctf',
        content: ctf,
      })
    ).json();
    expect(preview.error.code).toBe('pupils.school_out_of_reach');
    const otherLead = await staffAt(t, trust.schoolB, 'ap_lead');
    const read = (
      await otherLead.post('/api/pupils/import/preview', {
        schoolId: trust.schoolB.id,
        format: 'ctf',
        content: ctf,
      })
    ).json();
    expect(read).toMatchObject({
      ready: 1,
      rows: [{ name: 'Dami Okafor', upn: 'R201100018042', problems: [] }],
    });
    expect(
      (
        await otherLead.post('/api/pupils/import', {
          schoolId: trust.schoolB.id,
          format: 'ctf',
          content: ctf,
        })
      ).json(),
    ).toEqual({
      imported: 1,
    });
    const [pupil] = (await otherLead.get('/api/pupils')).json().pupils;
    expect(pupil).toMatchObject({
      displayName: 'Dee Okafor',
      senStatus: 'sen_support',
      uln: '9276308686',
      parents: [{ name: 'Grace Okafor', relationship: 'Mother', telephone: '07700900222' }],
    });
    const broken = await otherLead.post('/api/pupils/import/preview', {
      schoolId: trust.schoolB.id,
      format: 'ctf',
      content: '<CTfile><Header/></CTfile>',
    });
    expect(broken.json().error.message).toMatch(/^The file is not a readable Common Transfer File/);
  });
});
