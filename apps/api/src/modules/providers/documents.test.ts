import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust } from '../../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../../test/http-client.ts';
import { multipartBody, samplePdf, samplePng } from '../../test/multipart.ts';
import { providerBody } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let apLead: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  apLead = await staffAt(t, trust.schoolA, 'ap_lead');
});
afterAll(() => t.close());

// Each test files evidence for a provider of its own, so none depends on what another uploaded.
let providers = 0;
const newProvider = async (): Promise<string> =>
  (await apLead.post('/api/providers', providerBody({ name: `Evidence Centre ${++providers}` }))).json().id;

function upload(
  providerId: string,
  fields: Record<string, string>,
  file?: { name: string; type: string; content: Buffer },
) {
  const { body, contentType } = multipartBody(fields, file);
  return apLead.request('POST', `/api/providers/${providerId}/documents`, body, {
    'content-type': contentType,
  });
}

const sla = { kind: 'sla', title: 'Service level agreement', documentDate: '2026-09-01', expiresOn: '' };

describe('evidence on file', () => {
  it('files a PDF, keeps its hash, and gives back exactly the same bytes', async () => {
    const providerId = await newProvider();
    const response = await upload(providerId, sla, {
      name: 'sla-2026.pdf',
      type: 'application/pdf',
      content: samplePdf,
    });
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
    const providerId = await newProvider();
    await upload(providerId, sla, { name: 'sla-2026.pdf', type: 'application/pdf', content: samplePdf });
    const response = await upload(providerId, sla, {
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
    const providerId = await newProvider();
    const disguised = await upload(providerId, sla, {
      name: 'letter.pdf',
      type: 'application/pdf',
      content: samplePng,
    });
    expect(disguised.json().error.fields).toEqual([
      { path: 'file', message: '“letter.pdf” is named as a PDF but its content is not one' },
    ]);
    const program = await upload(providerId, sla, {
      name: 'setup.exe',
      type: 'application/octet-stream',
      content: Buffer.from('MZ…'),
    });
    expect(program.json().error.fields[0].message).toMatch(
      /Waymark keeps PDF, PNG image, JPEG image, Word document files/,
    );
    expect((await apLead.get(`/api/providers/${providerId}/documents`)).json().documents).toEqual([]);
  });

  it('refuses a file over 10 MB with 413, and a form without a title or a file with the field named', async () => {
    const providerId = await newProvider();
    const big = Buffer.concat([samplePdf, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload(providerId, sla, {
      name: 'huge.pdf',
      type: 'application/pdf',
      content: big,
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.message).toBe('The file is larger than 10 MB, the most Waymark keeps.');
    expect(
      (
        await upload(
          providerId,
          { ...sla, title: '' },
          { name: 'a.pdf', type: 'application/pdf', content: samplePdf },
        )
      ).json().error.fields,
    ).toEqual([{ path: 'title', message: 'Give the document a title' }]);
    expect((await upload(providerId, sla)).json().error.fields).toEqual([
      { path: 'file', message: 'Choose a file to upload' },
    ]);
    const listed = (await apLead.get(`/api/providers/${providerId}/documents`)).json().documents;
    expect(listed).toEqual([]);
  });

  it('keeps documents inside the group', async () => {
    const providerId = await newProvider();
    await upload(providerId, sla, { name: 'sla-2026.pdf', type: 'application/pdf', content: samplePdf });
    const otherTrust = await buildTrust(t.database.db);
    const outsider = await signedInClient(t.app, otherTrust.admin.email);
    const [document] = (await apLead.get(`/api/providers/${providerId}/documents`)).json().documents;
    expect((await outsider.get(`/api/provider-documents/${document.id}/file`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/providers/${providerId}/documents`)).statusCode).toBe(404);
  });
});
