import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust } from '../../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../../test/http-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// The test clock starts on Monday 12 January 2026.
let t: TestApp;
let admin: TestClient;
let head: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  admin = await signedInClient(t.app, trust.admin.email);
  head = await staffAt(t, trust.schoolA, 'headteacher');
});
afterAll(() => t.close());

const issue = {
  policyNumber: 'EDE/POL/013',
  issueNumber: '003',
  issuedOn: '2026-01-05',
  author: 'James Madine',
  approver: 'Jo Sharpe',
  nextReviewOn: '2026-03-01',
  changes: 'Termly filtering assurance added to Appendix 2',
};

describe('the AP policy and its annual review', () => {
  it('records an issue with the form versions in force, by an administrator only', async () => {
    expect((await head.get('/api/policy')).json()).toEqual({ current: null, versions: [] });
    expect((await head.post('/api/policy/versions', issue)).statusCode).toBe(403);
    const early = await admin.post('/api/policy/versions', { ...issue, nextReviewOn: '2025-12-01' });
    expect(early.json().error.fields).toEqual([
      { path: 'nextReviewOn', message: 'The review must come after the issue date' },
    ]);
    expect((await admin.post('/api/policy/versions', issue)).statusCode).toBe(201);
    const { current } = (await head.get('/api/policy')).json();
    expect(current).toMatchObject({
      issueNumber: '003',
      auditTemplateVersion: 1,
      qaTemplateVersion: 1,
      review: 'due_soon',
    });
  });
});
