import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { createClient, signedInClient } from '../../test/http-client.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { upnFor } from '../../test/pupil-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { emails } from '../notifications/notifications.table.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London: spring 1 (to 13 February).
let t: TestApp;
let w: World;

type World = Awaited<ReturnType<typeof worldOf>>;

/** An AP lead and headteacher at a school of a new trust in `app`. */
async function worldOf(app: TestApp) {
  const trust = await buildTrust(app.database.db);
  const user = (role: 'ap_lead' | 'headteacher') =>
    buildUser(app.database.db, {
      groupId: trust.group.id,
      roles: [{ role, scopeType: 'school', scopeId: trust.schoolA.id }],
    });
  const leadEmail = (await user('ap_lead')).email;
  return {
    app,
    trust,
    leadEmail,
    lead: await signedInClient(app.app, leadEmail),
    head: await signedInClient(app.app, (await user('headteacher')).email),
  };
}

let placements = 0;
/** Jordan (a pupil of the test's own, with Kim as parent) placed from today with a provider of its own. */
async function placed(world: World = w, providerName?: string) {
  const n = ++placements;
  const { lead, head, trust } = world;
  const providerId = await approvedProvider(lead, head, {
    name: providerName ?? `Harbour ${n}`,
    ukprn: String(10_200_000 + n * 7),
  });
  const { placementId } = await activePlacement(lead, {
    schoolId: trust.schoolA.id,
    providerId,
    pupil: {
      upn: upnFor(8000 + n),
      uln: undefined,
      parents: [
        {
          name: 'Kim Reeve',
          relationship: 'Mother',
          email: 'kim.reeve@example.org',
          parentalResponsibility: true,
        },
      ],
    },
  });
  return { placementId, providerId };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await worldOf(t);
});
afterAll(() => t.close());

async function visitor(app: TestApp = t) {
  const client = createClient(app.app);
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
    const { lead } = w;
    const { placementId } = await placed();
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
    const { lead } = w;
    const { placementId } = await placed(w, 'Harbour Learning');
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
    // The end of the half-term is this test's alone: a database and clock of its own.
    const t = await createTestApp();
    try {
      const world = await worldOf(t);
      const { lead } = world;
      const { placementId } = await placed(world);
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
      const parent = await visitor(t);
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
    } finally {
      await t.close();
    }
  });

  it('keeps "you said, we did" and averages answers per provider', async () => {
    const { lead } = w;
    const { placementId, providerId } = await placed();
    // The pupil answers this half-term's form.
    const pupilRequest = (await lead.get(`/api/placements/${placementId}/voice`))
      .json()
      .requests.find((r: { respondent: string }) => r.respondent === 'pupil');
    const link = (await lead.post(`/api/placements/${placementId}/voice/${pupilRequest.id}/link`, {})).json();
    const pupil = await visitor();
    expect((await pupil.post(`/api/voice/forms/${tokenOf(link.url)}`, pupilAnswers)).statusCode).toBe(204);
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
