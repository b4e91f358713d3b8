import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { multipartBody, samplePdf, samplePng } from '../../test/multipart.ts';
import { providerBody } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let apLead: TestClient;
let providerId: string;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  const user = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'ap_lead', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  apLead = await signedInClient(t.app, user.email);
  providerId = (await apLead.post('/api/providers', providerBody({ name: 'Evidence Centre' }))).json().id;
});
afterAll(() => t.close());

function upload(fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }) {
  const { body, contentType } = multipartBody(fields, file);
  return apLead.request('POST', `/api/providers/${providerId}/documents`, body, {
    'content-type': contentType,
  });
}

const sla = { kind: 'sla', title: 'Service level agreement', documentDate: '2026-09-01', expiresOn: '' };

describe('evidence on file', () => {
  it('files a PDF, keeps its hash, and gives back exactly the same bytes', async () => {
    const response = await upload(sla, { name: 'sla-2026.pdf', type: 'application/pdf', content: samplePdf });
    expect(response.statusCode).toBe(201);
    const [document] = response.json().documents;
    expect(document).toMatchObject({
      kind: 'sla',
      title: 'Service level agreement',
      version: 1,
      filename: 'sla-2026.pdf',
      contentType: 'application/pdf',
      sizeBytes: samplePdf.length,
    });
    expect(document.sha256).toBe(createHash('sha256').update(samplePdf).digest('hex'));
    const download = await apLead.get(`/api/provider-documents/${document.id}/file`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe('attachment; filename="sla-2026.pdf"');
    expect(download.rawPayload.equals(samplePdf)).toBe(true);
  });

  it('a second upload with the same title is version 2; version 1 is kept', async () => {
    const response = await upload(sla, {
      name: 'sla-2026-signed.pdf',
      type: 'application/pdf',
      content: samplePdf,
    });
    const versions = response
      .json()
      .documents.filter((d: { title: string }) => d.title === 'Service level agreement')
      .map((d: { version: number }) => d.version);
    expect(versions).toEqual([1, 2]);
  });

  it('refuses a file whose content is not what its name says, or a kind Waymark does not keep', async () => {
    const disguised = await upload(sla, { name: 'letter.pdf', type: 'application/pdf', content: samplePng });
    expect(disguised.json().error.fields).toEqual([
      { path: 'file', message: '“letter.pdf” is named as a PDF but its content is not one' },
    ]);
    const program = await upload(sla, {
      name: 'setup.exe',
      type: 'application/octet-stream',
      content: Buffer.from('MZ…'),
    });
    expect(program.json().error.fields[0].message).toMatch(
      /Waymark keeps PDF, PNG image, JPEG image, Word document files/,
    );
  });

  it('refuses a file over 10 MB with 413, and a form without a title or a file with the field named', async () => {
    const big = Buffer.concat([samplePdf, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload(sla, { name: 'huge.pdf', type: 'application/pdf', content: big });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.message).toBe('The file is larger than 10 MB, the most Waymark keeps.');
    expect(
      (
        await upload({ ...sla, title: '' }, { name: 'a.pdf', type: 'application/pdf', content: samplePdf })
      ).json().error.fields,
    ).toEqual([{ path: 'title', message: 'Give the document a title' }]);
    expect((await upload(sla)).json().error.fields).toEqual([
      { path: 'file', message: 'Choose a file to upload' },
    ]);
    const listed = (await apLead.get(`/api/providers/${providerId}/documents`)).json().documents;
    expect(listed).toHaveLength(2);
  });

  it('keeps documents inside the group', async () => {
    const otherTrust = await buildTrust(t.database.db);
    const outsider = await signedInClient(t.app, otherTrust.admin.email);
    const [document] = (await apLead.get(`/api/providers/${providerId}/documents`)).json().documents;
    expect((await outsider.get(`/api/provider-documents/${document.id}/file`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/providers/${providerId}/documents`)).statusCode).toBe(404);
  });
});
