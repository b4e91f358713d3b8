import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { createClient, signedInClient, type TestClient } from '../../test/http-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { emails } from '../notifications/notifications.table.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let apLead: TestClient;
let leadEmail: string;

const PASSWORD = 'a long walk by the river';

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://waymark.northway.example/' });
  trust = await buildTrust(t.database.db);
  const lead = await buildUser(t.database.db, {
    groupId: trust.group.id,
    displayName: 'Priya Lead',
    roles: [{ role: 'ap_lead', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  leadEmail = lead.email;
  apLead = await signedInClient(t.app, lead.email);
});
afterAll(() => t.close());

/** The link in the latest invitation email to an address, as the person would click it. */
async function linkSentTo(address: string) {
  const sent = await t.database.db
    .select()
    .from(emails)
    .where(and(eq(emails.toAddress, address), eq(emails.kind, 'invitation')));
  const latest = sent.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1)!;
  const link = latest.bodyText.match(/https:\/\/\S+\/invitation\/(\S+)/);
  if (!link) throw new Error(`No invitation link in: ${latest.bodyText}`);
  return { email: latest, url: link[0], token: link[1]! };
}

describe('inviting provider staff to the portal', () => {
  it('creates the account with no password and emails a one-time link to the public address', async () => {
    const response = await apLead.post(`/api/providers/${trust.provider.id}/staff`, {
      email: 'Lena.Morris@Cedar.example',
      displayName: 'Lena Morris',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().staff).toContainEqual(
      expect.objectContaining({ email: 'lena.morris@cedar.example', status: 'invited' }),
    );
    const { email, url } = await linkSentTo('lena.morris@cedar.example');
    expect(email.subject).toBe('Your Waymark account for Cedar Provision');
    expect(email.bodyText).toContain('Priya Lead of');
    expect(url).toMatch(/^https:\/\/waymark\.northway\.example\/invitation\/[A-Za-z0-9_-]{43}$/);
    // No password yet, so no way in without the link.
    const stranger = createClient(t.app);
    await stranger.get('/api/auth/session');
    const attempt = await stranger.post('/api/auth/sign-in', {
      email: 'lena.morris@cedar.example',
      password: PASSWORD,
    });
    expect(attempt.statusCode).toBe(401);
  });

  it('the link greets the person, sets their password once, and they sign in to their own provider', async () => {
    const invited = await apLead.post(`/api/providers/${trust.provider.id}/staff`, {
      email: 'nia.jones@cedar.example',
      displayName: 'Nia Jones',
    });
    expect(invited.statusCode).toBe(201);
    const { token } = await linkSentTo('nia.jones@cedar.example');
    const visitor = createClient(t.app);
    await visitor.get('/api/auth/session');
    expect((await visitor.get(`/api/invitations/${token}`)).json()).toMatchObject({
      displayName: 'Nia Jones',
      providerName: 'Cedar Provision',
    });
    const tooShort = await visitor.post('/api/invitations/accept', { token, password: 'short' });
    expect(tooShort.json().error.fields[0].path).toBe('password');
    const accepted = await visitor.post('/api/invitations/accept', { token, password: PASSWORD });
    expect(accepted.json()).toEqual({ email: 'nia.jones@cedar.example' });
    const again = await visitor.post('/api/invitations/accept', {
      token,
      password: 'somebody else entirely',
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('invitations.unusable');

    const member = await signedInClient(t.app, 'nia.jones@cedar.example', PASSWORD);
    expect((await member.get('/api/portal/letters')).statusCode).toBe(200);
    expect((await member.get(`/api/providers/${trust.provider.id}`)).statusCode).toBe(403);

    const staff = (await apLead.get(`/api/providers/${trust.provider.id}/staff`)).json().staff;
    expect(staff).toContainEqual(expect.objectContaining({ displayName: 'Nia Jones', status: 'active' }));
    const log = (
      await (await signedInClient(t.app, trust.admin.email)).get('/api/audit-log?action=invitations.accepted')
    ).json();
    expect(log.events).toHaveLength(1);
  });

  it('a new invitation replaces the earlier link, and a link stops working after seven days', async () => {
    await apLead.post(`/api/providers/${trust.provider.id}/staff`, {
      email: 'omar@cedar.example',
      displayName: 'Omar Shah',
    });
    const first = await linkSentTo('omar@cedar.example');
    const [omar] = (await apLead.get(`/api/providers/${trust.provider.id}/staff`))
      .json()
      .staff.filter((s: { displayName: string }) => s.displayName === 'Omar Shah');
    t.advanceMinutes(1);
    await apLead.post(`/api/providers/${trust.provider.id}/staff/${omar.id}/invitation`);
    const second = await linkSentTo('omar@cedar.example');
    expect(second.token).not.toBe(first.token);
    const visitor = createClient(t.app);
    await visitor.get('/api/auth/session');
    expect((await visitor.get(`/api/invitations/${first.token}`)).statusCode).toBe(410);
    t.advanceMinutes(7 * 24 * 60 + 1);
    expect((await visitor.get(`/api/invitations/${second.token}`)).statusCode).toBe(410);
    expect(
      (await visitor.post('/api/invitations/accept', { token: second.token, password: PASSWORD })).statusCode,
    ).toBe(410);
    // Seven days on, the AP lead's session has ended too.
    apLead = await signedInClient(t.app, leadEmail);
  });

  it('refuses an email already in use, an unknown provider, and anyone who may not invite', async () => {
    const taken = await apLead.post(`/api/providers/${trust.provider.id}/staff`, {
      email: trust.admin.email,
      displayName: 'Someone',
    });
    expect(taken.json().error.fields).toEqual([
      { path: 'email', message: 'Someone already signs in to Waymark with this email address' },
    ]);
    const unknown = await apLead.post('/api/providers/00000000-0000-4000-8000-000000000000/staff', {
      email: 'new@cedar.example',
      displayName: 'New Person',
    });
    expect(unknown.statusCode).toBe(404);
    const other = await buildTrust(t.database.db);
    const otherAdmin = await signedInClient(t.app, other.admin.email);
    expect((await otherAdmin.get(`/api/providers/${trust.provider.id}/staff`)).statusCode).toBe(404);
    const providerStaff = await buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: trust.provider.id }],
    });
    const member = await signedInClient(t.app, providerStaff.email);
    const byProvider = await member.post(`/api/providers/${trust.provider.id}/staff`, {
      email: 'friend@cedar.example',
      displayName: 'A Friend',
    });
    expect(byProvider.statusCode).toBe(403);
    const garbage = await createClient(t.app).get('/api/invitations/not-a-token');
    expect(garbage.statusCode).toBe(400);
  });
});
