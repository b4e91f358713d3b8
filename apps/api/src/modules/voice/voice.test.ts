import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { createClient, signedInClient, type TestClient } from '../../test/http-client.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { pupilBody } from '../../test/pupil-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { emails } from '../notifications/notifications.table.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London: spring 1 (to 13 February).
let t: TestApp;
let lead: TestClient;
let leadEmail: string;
let placementId: string;
let providerId: string;

beforeAll(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  const user = (role: 'ap_lead' | 'headteacher') =>
    buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role, scopeType: 'school', scopeId: trust.schoolA.id }],
    });
  leadEmail = (await user('ap_lead')).email;
  lead = await signedInClient(t.app, leadEmail);
  const head = await signedInClient(t.app, (await user('headteacher')).email);
  providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const pupil = pupilBody(trust.schoolA.id);
  const pupilId = (
    await lead.post('/api/pupils', {
      ...pupil,
      parents: [
        {
          name: 'Kim Reeve',
          relationship: 'Mother',
          email: 'kim.reeve@example.org',
          parentalResponsibility: true,
        },
      ],
    })
  ).json().id;
  placementId = (
    await lead.post('/api/placements', { pupilId, providerId, type: 'commissioned_ap', reason: 'Vocational' })
  ).json().id;
  await lead.put(`/api/placements/${placementId}/plan`, {
    version: 1,
    reason: 'Vocational',
    startsOn: '2026-01-12',
    plannedEndOn: '2026-03-27',
    agreement: { discussedOn: '2026-01-08', withWhom: 'Jordan and his mother', how: 'Meeting', agreed: true },
    objectives: [{ id: 'o1', text: 'Attend', timeline: 'Spring', successCriteria: '95%' }],
    reintegrationTargets: [{ id: 'r1', text: 'Maths at school', timeline: 'Summer', post16Link: 'College' }],
    sessions: [{ day: 'mon', session: 'am', hours: 3 }],
  });
  expect((await lead.post(`/api/placements/${placementId}/start`)).json().status).toBe('active');
});
afterAll(() => t.close());

async function visitor() {
  const client = createClient(t.app);
  await client.get('/api/auth/session'); // the CSRF cookie, as the page gets it
  return client;
}
const tokenOf = (url: string) => url.split('/voice/')[1]!;
const pupilAnswers = {
  answers: { feel: 4, safe: 5, learning: 3, adults: 4, better: 'More time in the workshop' },
  withStaff: true,
};

describe('pupil and parent voice', () => {
  it('opens a pupil and a parent request for the half-term, once', async () => {
    const first = (await lead.get(`/api/placements/${placementId}/voice`)).json().requests;
    const again = (await lead.get(`/api/placements/${placementId}/voice`)).json().requests;
    expect(again).toEqual(first);
    expect(
      first.map((r: { respondent: string; halfTerm: string; expiresOn: string; status: string }) => [
        r.respondent,
        r.halfTerm,
        r.expiresOn,
        r.status,
      ]),
    ).toEqual([
      ['parent', '2025/26 spring 1', '2026-02-13', 'not_sent'],
      ['pupil', '2025/26 spring 1', '2026-02-13', 'not_sent'],
    ]);
  });

  it('a one-time link opens one form, takes one set of answers and nothing else', async () => {
    const { requests } = (await lead.get(`/api/placements/${placementId}/voice`)).json();
    const pupilRequest = requests.find((r: { respondent: string }) => r.respondent === 'pupil');
    const link = (await lead.post(`/api/placements/${placementId}/voice/${pupilRequest.id}/link`, {})).json();
    expect(link.qrSvg).toMatch(/^<svg/);
    const token = tokenOf(link.url);
    const pupil = await visitor();
    const form = (await pupil.get(`/api/voice/forms/${token}`)).json();
    expect(form).toMatchObject({
      respondent: 'pupil',
      firstName: 'Jordan',
      providerName: 'Harbour Learning',
    });
    expect(JSON.stringify(form)).not.toContain('Reeve');
    // The link is no key to anything else.
    expect((await pupil.get(`/api/placements/${placementId}`)).statusCode).toBe(401);
    expect((await pupil.get('/api/pupils')).statusCode).toBe(401);

    const missing = await pupil.post(`/api/voice/forms/${token}`, { answers: { feel: 4 } });
    expect(missing.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'answers.safe',
      'answers.learning',
      'answers.adults',
    ]);
    expect((await pupil.post(`/api/voice/forms/${token}`, pupilAnswers)).statusCode).toBe(204);
    const twice = await pupil.post(`/api/voice/forms/${token}`, pupilAnswers);
    expect(twice.statusCode).toBe(410);
    expect((await pupil.get(`/api/voice/forms/${token}`)).json().error.code).toBe('voice.already_answered');
    expect((await pupil.get('/api/voice/forms/not-a-real-token-at-all-123')).statusCode).toBe(404);

    const answered = (await lead.get(`/api/placements/${placementId}/voice`))
      .json()
      .requests.find((r: { respondent: string }) => r.respondent === 'pupil');
    expect(answered).toMatchObject({ status: 'answered', withStaff: true, answers: pupilAnswers.answers });
    expect(
      (await lead.post(`/api/placements/${placementId}/voice/${pupilRequest.id}/link`, {})).json().error.code,
    ).toBe('voice.answered');
  });

  it('emails a parent their link; a new link replaces the old; the link ends with the half-term', async () => {
    const { requests } = (await lead.get(`/api/placements/${placementId}/voice`)).json();
    const parentRequest = requests.find((r: { respondent: string }) => r.respondent === 'parent');
    const stranger = await lead.post(`/api/placements/${placementId}/voice/${parentRequest.id}/link`, {
      emailTo: 'someone@example.org',
    });
    expect(stranger.json().error.fields[0].path).toBe('emailTo');
    const first = (
      await lead.post(`/api/placements/${placementId}/voice/${parentRequest.id}/link`, {
        emailTo: 'kim.reeve@example.org',
      })
    ).json();
    expect(first.emailedTo).toBe('kim.reeve@example.org');
    const [email] = await t.database.db.select().from(emails).where(eq(emails.kind, 'voice_request'));
    expect(email!.bodyText).toContain(first.url);
    const second = (
      await lead.post(`/api/placements/${placementId}/voice/${parentRequest.id}/link`, {})
    ).json();
    const parent = await visitor();
    expect((await parent.get(`/api/voice/forms/${tokenOf(first.url)}`)).statusCode).toBe(404);
    expect((await parent.get(`/api/voice/forms/${tokenOf(second.url)}`)).statusCode).toBe(200);

    t.advanceMinutes(60 * 24 * 33); // 14 February: the half-term ended yesterday
    const late = await parent.get(`/api/voice/forms/${tokenOf(second.url)}`);
    expect(late.json().error).toMatchObject({
      code: 'voice.expired',
      message: expect.stringContaining('last half-term'),
    });
    expect(
      (
        await parent.post(`/api/voice/forms/${tokenOf(second.url)}`, {
          answers: { progress: 4, communication: 4, safety: 5 },
        })
      ).statusCode,
    ).toBe(410);
  });

  it('keeps "you said, we did" and averages answers per provider', async () => {
    lead = await signedInClient(t.app, leadEmail); // a month on: sign in again
    const empty = await lead.post(`/api/placements/${placementId}/voice/changes`, {
      youSaid: 'More workshop time',
      weDid: '',
    });
    expect(empty.json().error.fields).toEqual([{ path: 'weDid', message: 'Say what was done about it' }]);
    await lead.post(`/api/placements/${placementId}/voice/changes`, {
      youSaid: 'Jordan asked for more time in the workshop',
      weDid: 'Harbour moved his maths to the afternoon so mornings are practical',
    });
    const { changes } = (await lead.get(`/api/placements/${placementId}/voice`)).json();
    expect(changes).toEqual([
      expect.objectContaining({ weDid: expect.stringContaining('maths to the afternoon') }),
    ]);
    const { halfTerms } = (await lead.get(`/api/providers/${providerId}/voice-trends`)).json();
    expect(halfTerms[0].halfTerm).toBe('2025/26 spring 1');
    expect(halfTerms[0].pupil).toContainEqual(
      expect.objectContaining({ questionId: 'safe', average: 5, responses: 1 }),
    );
  });
});
