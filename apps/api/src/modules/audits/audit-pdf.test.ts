import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust } from '../../test/builders.ts';
import { staffAt, type TestClient } from '../../test/http-client.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { completeAnswers, providerBody } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let apLead: TestClient;
let auditId: string;

beforeAll(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  apLead = await staffAt(t, trust.schoolA, 'ap_lead');
  const provider = (await apLead.post('/api/providers', providerBody({ name: 'Printable Centre' }))).json();
  auditId = (
    await apLead.post(`/api/providers/${provider.id}/audits`, {
      visitedAt: '2026-01-08T10:30:00Z',
      auditorName: 'Sam Whitlow',
    })
  ).json().id;
  await apLead.put(`/api/audits/${auditId}`, { answers: completeAnswers('yes') });
  await apLead.post(`/api/audits/${auditId}/submit`);
});
afterAll(() => t.close());

describe('the audit as a PDF', () => {
  it('is a real PDF with the header, every section, the answers and page numbers', async () => {
    const response = await apLead.get(`/api/audits/${auditId}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Off-site & Alternative Provision Audit Form');
    expect(text).toContain('Printable Centre');
    expect(text).toContain('Thu 8 Jan 2026, 10:30');
    for (const section of ['Registration Status', 'Safeguarding', 'Insurance', 'Suitability of Provision'])
      expect(text).toContain(section);
    expect(text).toContain('Is the provision suitable for the pupil(s)? If yes, why?');
    expect(text).toContain('Small groups, a calm site and staff experienced with SEMH needs');
    expect(text).toMatch(/Page 1 of \d+/);
  });
});
