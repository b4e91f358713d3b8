import { letterChecks, letterUndertakings } from '@waymark/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvider, buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { providerBody } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { emails } from '../notifications/notifications.table.ts';
import { safeguardingLetters } from './letters.table.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let apLead: TestClient;
let otherStaff: TestClient;

const signature = {
  checks: letterChecks.map(() => true),
  undertakings: letterUndertakings.map(() => true),
  name: 'Lena Morris',
  role: 'Centre manager',
  organisation: 'Letterbox Learning',
  signature: 'Lena Morris',
};

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  const lead = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'ap_lead', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  await buildUser(t.database.db, {
    groupId: trust.group.id,
    displayName: 'Hattie Head',
    roles: [{ role: 'headteacher', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  apLead = await signedInClient(t.app, lead.email);
  const elsewhere = await buildProvider(t.database.db, { groupId: trust.group.id, name: 'Elsewhere' });
  const otherMember = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: elsewhere.id }],
  });
  otherStaff = await signedInClient(t.app, otherMember.email);
});
afterAll(() => t.close());

// Each test asks a provider of its own for its letter, so none depends on another's signing.
let providers = 0;
async function providerWithStaff(name = `Letterbox ${++providers}`) {
  const providerId = (await apLead.post('/api/providers', providerBody({ name }))).json().id as string;
  const member = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
  });
  return { providerId, staffEmail: member.email, staff: await signedInClient(t.app, member.email) };
}

async function requestedLetter(name?: string) {
  const provider = await providerWithStaff(name);
  const { letters } = (
    await apLead.post(`/api/providers/${provider.providerId}/letters`, { schoolId: trust.schoolA.id })
  ).json();
  return { ...provider, letterId: letters[0].id as string };
}

async function signedLetter() {
  const requested = await requestedLetter();
  const signed = await requested.staff.post(`/api/portal/letters/${requested.letterId}/sign`, signature);
  if (signed.statusCode !== 200) throw new Error(`Not signed: ${signed.body}`);
  return requested;
}

describe('the safeguarding assurance letter', () => {
  it('a school asks for it, pre-filled with the school and its headteacher; asking twice keeps one request', async () => {
    const { providerId, staffEmail } = await providerWithStaff();
    await apLead.post(`/api/providers/${providerId}/letters`, { schoolId: trust.schoolA.id });
    const { letters } = (
      await apLead.post(`/api/providers/${providerId}/letters`, { schoolId: trust.schoolA.id })
    ).json();
    expect(letters).toEqual([
      expect.objectContaining({
        schoolName: 'Alder School',
        headteacherName: 'Hattie Head',
        status: 'requested',
      }),
    ]);
    // The provider's staff are told by email, once for the one request, with the way to the portal.
    const told = await t.database.db.select().from(emails).where(eq(emails.toAddress, staffEmail));
    expect(told.map((e) => [e.kind, e.subject])).toEqual([
      [
        'letter_request',
        expect.stringMatching(/^Alder School asks Letterbox \d+ for a safeguarding assurance letter$/),
      ],
    ]);
    expect(told[0]!.bodyText).toContain('/portal/letters');
    const notMine = await apLead.post(`/api/providers/${providerId}/letters`, { schoolId: trust.schoolB.id });
    expect(notMine.json().error.fields).toEqual([
      { path: 'schoolId', message: 'Choose one of your schools' },
    ]);
  });

  it('the provider’s staff see it in the portal; another provider’s staff cannot see or sign it', async () => {
    const { staff, letterId } = await requestedLetter();
    expect((await staff.get('/api/portal/letters')).json().letters.map((l: { id: string }) => l.id)).toEqual([
      letterId,
    ]);
    expect((await otherStaff.get('/api/portal/letters')).json().letters).toEqual([]);
    expect((await otherStaff.post(`/api/portal/letters/${letterId}/sign`, signature)).statusCode).toBe(404);
    expect((await apLead.get('/api/portal/letters')).statusCode).toBe(403);
  });

  it('cannot be signed with a check left unconfirmed, and names it', async () => {
    const { staff, letterId } = await requestedLetter();
    const response = await staff.post(`/api/portal/letters/${letterId}/sign`, {
      ...signature,
      checks: signature.checks.map((c, i) => i !== 7 && c),
    });
    expect(response.json().error.fields).toEqual([
      { path: 'checks.7', message: 'Confirm this check before signing' },
    ]);
    expect((await staff.get('/api/portal/letters')).json().letters[0].status).toBe('requested');
  });

  it('once signed it is stored whole with its hash; a retry stores nothing more; the approval step is met', async () => {
    const { providerId, staff, letterId } = await requestedLetter('Letterbox Learning');
    const signed = (await staff.post(`/api/portal/letters/${letterId}/sign`, signature)).json();
    expect(signed).toMatchObject({
      status: 'signed',
      content: {
        to: 'Alder School',
        from: 'Letterbox Learning',
        dear: 'Hattie Head',
        signature: 'Lena Morris',
        signedOn: '2026-01-12',
      },
    });
    expect(signed.content.checks).toHaveLength(9);
    const retry = await staff.post(`/api/portal/letters/${letterId}/sign`, signature);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().contentSha256).toBe(signed.contentSha256);
    const rows = await t.database.db
      .select()
      .from(safeguardingLetters)
      .where(eq(safeguardingLetters.providerId, providerId));
    expect(rows).toHaveLength(1);
    const provider = (await apLead.get(`/api/providers/${providerId}`)).json();
    expect(provider.approval.steps.find((s: { id: string }) => s.id === 'letter')).toMatchObject({
      done: true,
      detail: 'Received 12 Jan 2026; a new one is due by 12 Jan 2027',
    });
  });

  it('a colleague cannot sign over a letter that is already signed', async () => {
    const { providerId } = await signedLetter();
    const colleague = await buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
    });
    const client = await signedInClient(t.app, colleague.email);
    const [letter] = (await client.get('/api/portal/letters')).json().letters;
    const response = await client.post(`/api/portal/letters/${letter.id}/sign`, {
      ...signature,
      name: 'Someone Else',
      signature: 'Someone Else',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('letters.already_signed');
    expect((await client.get('/api/portal/letters')).json().letters[0].content.signature).toBe('Lena Morris');
  });

  it('a change of DSL after the letter makes a new letter due', async () => {
    const { providerId } = await signedLetter();
    const letterStep = async () =>
      (await apLead.get(`/api/providers/${providerId}`))
        .json()
        .approval.steps.find((s: { id: string }) => s.id === 'letter');
    expect(await letterStep()).toMatchObject({ done: true });
    t.advanceMinutes(60);
    const { name } = (await apLead.get(`/api/providers/${providerId}`)).json();
    await apLead.put(
      `/api/providers/${providerId}`,
      providerBody({
        name,
        dsl: { name: 'New Lead', trainingDetails: null, trainedOn: null },
      }),
    );
    expect(await letterStep()).toMatchObject({ done: false });
  });

  it('is a PDF: pre-filled before signing, and as signed afterwards; the provider reaches only its own', async () => {
    const { providerId, staff } = await signedLetter();
    const { letters } = (await apLead.get(`/api/providers/${providerId}/letters`)).json();
    const signed = letters.find((l: { status: string }) => l.status === 'signed');
    const pdf = await apLead.get(`/api/letters/${signed.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Dear Hattie Head,');
    expect(text).toContain("Enhanced DBS check with children's barred list information.");
    expect(text).toContain('Lena Morris (signed online in Waymark)');
    expect(text).toContain(signed.contentSha256);
    expect((await staff.get(`/api/portal/letters/${signed.id}/pdf`)).statusCode).toBe(200);
    expect((await otherStaff.get(`/api/portal/letters/${signed.id}/pdf`)).statusCode).toBe(404);
  });
});
