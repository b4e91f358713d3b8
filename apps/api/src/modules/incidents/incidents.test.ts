import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { multipartBody, samplePdf, samplePng } from '../../test/multipart.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { upnFor } from '../../test/pupil-builders.ts';
import { type SmtpPeer, startSmtpPeer } from '../../test/smtp-peer.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { deliverDueEmails } from '../notifications/delivery.ts';
import { sendDigests } from '../notifications/digest.ts';
import { createMailer, type Mailer } from '../notifications/mailer.ts';
import { emails } from '../notifications/notifications.table.ts';
import { incidents } from './incidents.table.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London.
let t: TestApp;
let smtp: SmtpPeer;
let mailer: Mailer;
let w: World;

const mail = { SMTP_URL: '', MAIL_FROM: 'Waymark <waymark@northway.example>' };

type World = Awaited<ReturnType<typeof worldOf>>;

/**
 * A trust in `app`: an AP lead, headteacher, DSL and attendance officer at one school, a DSL at the
 * other, and a provider with no pupils of the school (its staff must see nothing). Each test places
 * a pupil of its own with a provider of its own (`placed`), so none reads another's records.
 */
async function worldOf(app: TestApp) {
  const trust = await buildTrust(app.database.db);
  const user = (
    role: 'ap_lead' | 'headteacher' | 'dsl' | 'attendance_officer',
    schoolId = trust.schoolA.id,
  ) =>
    buildUser(app.database.db, {
      groupId: trust.group.id,
      roles: [{ role, scopeType: 'school', scopeId: schoolId }],
    });
  const leadEmail = (await user('ap_lead')).email;
  const dslEmail = (await user('dsl')).email;
  const lead = await signedInClient(app.app, leadEmail);
  const head = await signedInClient(app.app, (await user('headteacher')).email);
  const otherProviderId = await approvedProvider(lead, head, { name: 'Quayside', ukprn: '10077777' });
  return {
    app,
    trust,
    lead,
    leadEmail,
    head,
    dsl: await signedInClient(app.app, dslEmail),
    dslEmail,
    otherDsl: await signedInClient(app.app, (await user('dsl', trust.schoolB.id)).email),
    officer: await signedInClient(app.app, (await user('attendance_officer')).email),
    otherPortal: await signedInClient(app.app, await providerStaff(app, trust.group.id, otherProviderId)),
  };
}

async function providerStaff(app: TestApp, groupId: string, providerId: string) {
  const member = await buildUser(app.database.db, {
    groupId,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
  });
  return member.email;
}

let pupils = 0;
/** Jordan (a pupil of its own) placed from today with a provider of its own, and its staff signed in. */
async function placed(world: World = w, name?: string) {
  const n = ++pupils;
  const providerName = name ?? `Harbour ${n}`;
  const { lead, head, trust } = world;
  const providerId = await approvedProvider(lead, head, {
    name: providerName,
    ukprn: String(10_100_000 + n * 7),
  });
  const { pupilId, placementId } = await activePlacement(lead, {
    schoolId: trust.schoolA.id,
    providerId,
    pupil: { upn: upnFor(7000 + n), uln: undefined },
  });
  const portalEmail = await providerStaff(world.app, trust.group.id, providerId);
  return { pupilId, placementId, portalEmail, portal: await signedInClient(world.app.app, portalEmail) };
}

/** A pupil placed, and a safeguarding concern about them reported from the portal. */
async function reported(world: World = w, providerName?: string) {
  const placement = await placed(world, providerName);
  const response = await placement.portal.post('/api/portal/incidents', concernOf(placement.placementId));
  if (response.statusCode !== 201) throw new Error(`Not reported: ${response.body}`);
  return { ...placement, concernId: response.json().id as string };
}

beforeAll(async () => {
  smtp = await startSmtpPeer();
  mail.SMTP_URL = smtp.url;
  t = await createTestApp(mail);
  mailer = createMailer(loadConfig(mail).mail)!;
  w = await worldOf(t);
});
afterAll(async () => {
  mailer.close();
  await t.close();
  await smtp.close();
});

const concernOf = (placementId: string, extra: Record<string, unknown> = {}) => ({
  placementId,
  kind: 'safeguarding_concern',
  occurredAt: '2026-01-12T09:10',
  location: 'Workshop',
  peopleInvolved: 'Jordan; key worker Sam Patel',
  whatHappened: 'Jordan said his older brother hits him when their mother is at work',
  immediateActions: 'Listened, did not ask leading questions, wrote down his words, phoned the DSL',
  ...extra,
});
const deliver = () => deliverDueEmails({ db: t.database.db, mailer, clock: t.now });
const incidentCount = async () => (await t.database.db.select().from(incidents)).length;
async function attachBodyMap(portal: TestClient, concernId: string) {
  const { body, contentType } = multipartBody(
    { description: 'Body map' },
    { name: 'map.png', type: 'image/png', content: samplePng },
  );
  const attached = await portal.request('POST', `/api/portal/incidents/${concernId}/attachments`, body, {
    'content-type': contentType,
  });
  if (attached.statusCode !== 201) throw new Error(`Not attached: ${attached.body}`);
}
/** The emails of a kind that point at one record. */
const emailsAbout = async (kind: string, recordId: string) =>
  (await t.database.db.select().from(emails).where(eq(emails.kind, kind))).filter((e) =>
    e.bodyText.includes(recordId),
  );

describe('reporting a concern from the provider portal', () => {
  it('records it once however often it is sent, and emails the school’s DSL without detail', async () => {
    const { portal, placementId } = await placed();
    const { dslEmail } = w;
    // What other tests queued goes first, so the round below is this report's email alone.
    await deliver();
    const before = await incidentCount();
    const headers = { 'idempotency-key': 'report-7f3a9c21' };
    const first = await portal.request('POST', '/api/portal/incidents', concernOf(placementId), headers);
    expect(first.statusCode).toBe(201);
    const retry = await portal.request('POST', '/api/portal/incidents', concernOf(placementId), headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    const concernId = first.json().id;
    expect(await incidentCount()).toBe(before + 1);

    const queued = await emailsAbout('safeguarding_concern', concernId);
    expect(queued.map((e) => e.toAddress)).toEqual([dslEmail]);
    expect(queued[0]!.bodyText).not.toContain('brother');
    expect(queued[0]!.bodyText).not.toContain('Jordan');
    expect(queued[0]!.bodyText).toContain(`/incidents/${concernId}`);

    // A busy mail server: the email waits and is sent on the next round; the report stands regardless.
    smtp.refuseNext(1);
    expect(await deliver()).toMatchObject({ sent: 0, retrying: 1 });
    t.advanceMinutes(2);
    expect(await deliver()).toMatchObject({ sent: 1 });
    const message = smtp.received.at(-1)!;
    expect(message.to).toEqual([dslEmail]);
    expect(message.raw.replace(/\r\n\s+/g, ' ')).toContain(
      'Subject: Alder School: urgent, a new concern to triage',
    );
  });

  it('refuses what it cannot accept, saying which field, and saves nothing', async () => {
    const { portal, placementId, concernId } = await reported();
    const { otherPortal } = w;
    const concern = (extra: Record<string, unknown> = {}) => concernOf(placementId, extra);
    const before = await incidentCount();
    const future = await portal.post('/api/portal/incidents', concern({ occurredAt: '2026-01-12T11:00' }));
    expect(future.json().error.fields).toEqual([
      { path: 'occurredAt', message: 'This time is in the future' },
    ]);
    const notTheirs = await otherPortal.post('/api/portal/incidents', concern());
    expect(notTheirs.json().error.fields).toEqual([
      { path: 'placementId', message: 'This pupil is not placed with you' },
    ]);
    const restraint = await portal.post('/api/portal/incidents', concern({ kind: 'restraint' }));
    expect(restraint.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'postIncidentSupport',
      'debrief',
    ]);
    const missing = await portal.post('/api/portal/incidents', concern({ whatHappened: '' }));
    expect(missing.json().error.fields).toEqual([{ path: 'whatHappened', message: 'Say what happened' }]);
    const { body, contentType } = multipartBody(
      { description: 'Body map' },
      { name: 'bodymap.exe', type: 'application/octet-stream', content: Buffer.from('MZ not a picture') },
    );
    const badFile = await portal.request('POST', `/api/portal/incidents/${concernId}/attachments`, body, {
      'content-type': contentType,
    });
    expect(badFile.statusCode).toBe(400);
    expect(badFile.json().error.fields[0].path).toBe('file');
    expect(await incidentCount()).toBe(before);
  });

  it('shows providers their own reports only', async () => {
    const { portal, concernId } = await reported();
    const { otherPortal } = w;
    const mine = (await portal.get('/api/portal/incidents')).json().incidents;
    expect(mine).toEqual([
      expect.objectContaining({ id: concernId, status: 'reported', pupilName: 'Jordan Reeve' }),
    ]);
    expect((await otherPortal.get('/api/portal/incidents')).json().incidents).toEqual([]);
    const { body, contentType } = multipartBody(
      { description: 'Body map' },
      { name: 'map.png', type: 'image/png', content: samplePng },
    );
    const attached = await portal.request('POST', `/api/portal/incidents/${concernId}/attachments`, body, {
      'content-type': contentType,
    });
    expect(attached.statusCode).toBe(201);
    const stranger = await otherPortal.request(
      'POST',
      `/api/portal/incidents/${concernId}/attachments`,
      body,
      {
        'content-type': contentType,
      },
    );
    expect(stranger.statusCode).toBe(404);
    expect(
      (await portal.get(`/api/portal/incidents/${concernId}/attachments/${attached.json().id}`)).statusCode,
    ).toBe(200);
  });
});

describe('who sees a safeguarding concern', () => {
  it('gives the DSL the detail and logs the reading', async () => {
    const { portal, concernId } = await reported();
    const { dsl } = w;
    await attachBodyMap(portal, concernId);
    const record = (await dsl.get(`/api/incidents/${concernId}`)).json();
    expect(record).toMatchObject({
      kind: 'safeguarding_concern',
      restricted: false,
      canManage: true,
      toldSameDay: true,
      detail: { location: 'Workshop', source: 'portal' },
    });
    expect(record.detail.attachments).toEqual([expect.objectContaining({ filename: 'map.png' })]);
    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'incidents.read'), eq(auditEvents.recordId, concernId)));
    expect(reads).toHaveLength(1);
  });

  it('tells an AP lead only that a concern exists and where it stands', async () => {
    const { portal, concernId, pupilId } = await reported();
    const { lead, dsl } = w;
    await attachBodyMap(portal, concernId);
    const listed = (await lead.get('/api/incidents'))
      .json()
      .incidents.find((i: { id: string }) => i.id === concernId);
    expect(listed).toMatchObject({
      id: concernId,
      kind: null,
      kindLabel: 'Safeguarding concern',
      restricted: true,
    });
    const record = (await lead.get(`/api/incidents/${concernId}`)).json();
    expect(record).toMatchObject({ restricted: true, detail: null, canManage: false, status: 'reported' });
    expect(JSON.stringify(record)).not.toContain('brother');
    const triage = await lead.post(`/api/incidents/${concernId}/triage`, {
      level: 'monitor',
      rationale: 'Seen it',
    });
    expect(triage.statusCode).toBe(403);
    const attachment =
      record.id && (await dsl.get(`/api/incidents/${concernId}`)).json().detail.attachments[0].id;
    expect((await lead.get(`/api/incidents/${concernId}/attachments/${attachment}`)).statusCode).toBe(403);
    expect((await lead.get(`/api/pupils/${pupilId}/chronology`)).statusCode).toBe(403);
  });

  it('hides it from another school’s DSL; other staff see only that it exists', async () => {
    const { concernId, pupilId } = await reported();
    const { otherDsl, officer } = w;
    expect((await otherDsl.get(`/api/incidents/${concernId}`)).statusCode).toBe(404);
    expect((await otherDsl.get('/api/incidents')).json().incidents).toEqual([]);
    const seenByOfficer = (await officer.get(`/api/incidents/${concernId}`)).json();
    expect(seenByOfficer).toMatchObject({ restricted: true, detail: null, canManage: false });
    expect((await otherDsl.get(`/api/pupils/${pupilId}/chronology`)).statusCode).toBe(404);
  });
});

describe('the DSL’s work on a concern', () => {
  it('triages, sets actions, records a referral and closes with the outcome, all in the chronology', async () => {
    const { portal, concernId, pupilId } = await reported(w, 'Harbour Learning');
    const { dsl } = w;
    const path = `/api/incidents/${concernId}`;
    const early = await dsl.post(`${path}/close`, { outcome: 'Nothing to do' });
    expect(early.json().error.code).toBe('incidents.not_triaged');
    expect(
      (
        await dsl.post(`${path}/triage`, {
          level: 'referral',
          rationale: 'Disclosure of physical harm at home',
        })
      ).statusCode,
    ).toBe(204);
    t.advanceMinutes(5);
    const action = await dsl.post(`${path}/actions`, {
      action: 'Check in with Jordan each morning at the provider',
      owner: 'Sam Patel (Harbour)',
      dueOn: '2026-01-16',
    });
    expect(action.statusCode).toBe(201);
    t.advanceMinutes(5);
    const future = await dsl.post(`${path}/referrals`, {
      agency: 'childrens_social_care',
      referredOn: '2026-01-13',
      details: 'Referral made by phone to the front door',
    });
    expect(future.json().error.fields).toEqual([
      { path: 'referredOn', message: 'This date is in the future' },
    ]);
    expect(
      (
        await dsl.post(`${path}/referrals`, {
          agency: 'childrens_social_care',
          referredOn: '2026-01-12',
          reference: 'CSC-44120',
          details: 'Referral made by phone to the front door; strategy discussion tomorrow',
        })
      ).statusCode,
    ).toBe(201);
    expect((await dsl.post(`${path}/close`, { outcome: 'Plan in place' })).json().error.code).toBe(
      'incidents.open_actions',
    );
    expect((await dsl.post(`${path}/actions/${action.json().id}/done`)).statusCode).toBe(204);
    t.advanceMinutes(5);
    expect(
      (
        await dsl.post(`${path}/close`, {
          outcome: 'Child protection plan in place; school and provider informed',
        })
      ).statusCode,
    ).toBe(204);
    const closed = (await dsl.get(path)).json();
    expect(closed).toMatchObject({ status: 'closed', detail: { triage: { level: 'referral' } } });
    expect(
      (await dsl.post(`${path}/actions`, { action: 'More', owner: 'DSL', dueOn: '2026-01-20' })).statusCode,
    ).toBe(409);

    const chronology = (await dsl.get(`/api/pupils/${pupilId}/chronology`)).json();
    expect(chronology.events.map((e: { what: string }) => e.what.split(':')[0])).toEqual([
      'Safeguarding concern at Harbour Learning (Workshop)',
      'Safeguarding concern reported',
      'Triaged',
      'Action for Sam Patel (Harbour) by 16 Jan 2026',
      "Referred to Children's social care on 12 Jan 2026 (ref. CSC-44120)",
      'Closed',
    ]);
    expect((await portal.get('/api/portal/incidents')).json().incidents[0].status).toBe('closed');
  });
});

describe('exporting the list', () => {
  it('gives each reader the list as they see it, and refuses those without it', async () => {
    const { portal } = await reported();
    const { lead, dsl, otherDsl } = w;
    const asLead = await lead.request('GET', '/api/exports/incidents.csv');
    expect(asLead.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(asLead.body).toContain('Safeguarding concern');
    expect(asLead.body).not.toContain('brother');
    expect(asLead.body).not.toContain('Workshop');
    const asDsl = await dsl.request('GET', '/api/exports/incidents.xlsx');
    expect(asDsl.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(asDsl.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(
      (await otherDsl.request('GET', '/api/exports/incidents.csv')).body.split('\r\n').filter(Boolean),
    ).toHaveLength(1);
    expect((await portal.request('GET', '/api/exports/incidents.csv')).statusCode).toBe(403);
    expect((await lead.request('GET', '/api/exports/incidents.pdf')).statusCode).toBe(400);
  });
});

describe('behaviour and restraint', () => {
  it('tells the AP lead, measures same-day notification and fills the placement’s behaviour log', async () => {
    const { portal, placementId } = await placed();
    const { lead, officer, dslEmail, leadEmail } = w;
    const reported = await portal.post(
      '/api/portal/incidents',
      concernOf(placementId, {
        kind: 'restraint',
        occurredAt: '2026-01-11T23:30', // last night, told this morning: not the same day
        whatHappened: 'Jordan tried to leave the residential trip at night; held by two staff for a minute',
        postIncidentSupport: 'Calm time with his key worker; checked for injury, none found',
        debrief: 'Debrief with Jordan and both staff the next morning',
      }),
    );
    expect(reported.statusCode).toBe(201);
    const queued = await emailsAbout('restraint', reported.json().id);
    expect(queued.map((e) => e.toAddress).sort()).toEqual([dslEmail, leadEmail].sort());
    const record = (await lead.get(`/api/incidents/${reported.json().id}`)).json();
    expect(record).toMatchObject({
      kind: 'restraint',
      restricted: false,
      toldSameDay: false,
      canManage: true,
    });
    const log = (await officer.get(`/api/placements/${placementId}/behaviour`)).json().entries;
    expect(log).toEqual([expect.objectContaining({ kind: 'restraint', location: 'Workshop' })]);
  });

  it('lets school staff record what they saw, on pupils at their own schools only', async () => {
    const { placementId } = await placed();
    const { officer, otherDsl } = w;
    const seen = await officer.post(
      '/api/incidents',
      concernOf(placementId, { kind: 'behaviour', whatHappened: 'Swore at staff at the gate' }),
    );
    expect(seen.statusCode).toBe(201);
    const elsewhere = await otherDsl.post('/api/incidents', concernOf(placementId));
    expect(elsewhere.json().error.fields).toEqual([
      { path: 'placementId', message: 'There is no such placement at your schools' },
    ]);
  });

  it('holds non-urgent emails for the morning digest when the AP lead chooses it; urgent ones go at once', async () => {
    // Moving the clock to tomorrow morning is this test's alone: a database and clock of its own.
    const t = await createTestApp(mail);
    try {
      const world = await worldOf(t);
      const { portal, placementId } = await placed(world);
      const { lead, leadEmail } = world;
      const urgent = await lead.put('/api/account/notifications', { kind: 'restraint', mode: 'digest' });
      expect(urgent.json().error.fields).toEqual([
        { path: 'mode', message: 'This kind is urgent: it is always sent at once' },
      ]);
      const chosen = await lead.put('/api/account/notifications', { kind: 'incident', mode: 'digest' });
      expect(chosen.json().preferences).toContainEqual(
        expect.objectContaining({ kind: 'incident', mode: 'digest' }),
      );
      const before = (await t.database.db.select().from(emails)).length;
      const behaviour = concernOf(placementId, {
        kind: 'behaviour',
        whatHappened: 'Walked out of the maths lesson and left site',
      });
      expect((await portal.post('/api/portal/incidents', behaviour)).statusCode).toBe(201);
      expect((await t.database.db.select().from(emails)).length).toBe(before);

      t.advanceMinutes(22 * 60); // 07:30 the next morning
      expect(
        await sendDigests({ db: t.database.db, now: t.now(), publicUrl: 'https://waymark.example' }),
      ).toEqual({
        digests: 1,
      });
      const digest = await t.database.db.select().from(emails).where(eq(emails.kind, 'daily_digest'));
      expect(digest.map((e) => [e.toAddress, e.subject])).toEqual([
        [leadEmail, 'Waymark: 1 update since yesterday'],
      ]);
      expect(digest[0]!.bodyText).toContain('Alder School: a new incident report to read');
      // The day's digest is claimed: a second run sends nothing.
      expect(
        await sendDigests({ db: t.database.db, now: t.now(), publicUrl: 'https://waymark.example' }),
      ).toEqual({
        digests: 0,
      });
    } finally {
      await t.close();
    }
  });
});

describe('what the provider portal never sees', () => {
  it('keeps what the school recorded from the provider: an allegation about its staff, and the school’s statements', async () => {
    const { portal, concernId, placementId } = await reported();
    const { dsl } = w;
    const concern = (extra: Record<string, unknown>) => concernOf(placementId, extra);
    const marker = 'MARKER-allegation-7c1e';
    const allegation = await dsl.post(
      '/api/incidents',
      concern({ kind: 'allegation_against_staff', whatHappened: `${marker}: a tutor grabbed his arm` }),
    );
    expect(allegation.statusCode).toBe(201);
    const allegationId = allegation.json().id;
    const statement = multipartBody(
      { description: 'DSL statement' },
      { name: 'statement.pdf', type: 'application/pdf', content: samplePdf },
    );
    const upload = (client: TestClient, url: string) =>
      client.request('POST', url, statement.body, { 'content-type': statement.contentType });
    const onAllegation = await upload(dsl, `/api/incidents/${allegationId}/attachments`);
    expect(onAllegation.statusCode).toBe(201);
    // The DSL's own statement on the provider's report is the school's too.
    const onProviderReport = await upload(dsl, `/api/incidents/${concernId}/attachments`);
    expect(onProviderReport.statusCode).toBe(201);

    const list = await portal.get('/api/portal/incidents');
    const listed = list.json().incidents.map((i: { id: string }) => i.id);
    const schoolRecorded = await t.database.db.select().from(incidents).where(eq(incidents.source, 'school'));
    expect(schoolRecorded.map((i) => i.id)).toContain(allegationId);
    expect(listed).toContain(concernId);
    for (const record of schoolRecorded) expect(listed).not.toContain(record.id);
    expect(list.body).not.toContain(marker);
    expect(list.body).not.toContain('Allegation');
    const portalUrl = `/api/portal/incidents/${allegationId}/attachments`;
    expect((await portal.get(`${portalUrl}/${onAllegation.json().id}`)).statusCode).toBe(404);
    expect((await upload(portal, portalUrl)).statusCode).toBe(404);
    expect(
      (await portal.get(`/api/portal/incidents/${concernId}/attachments/${onProviderReport.json().id}`))
        .statusCode,
    ).toBe(404);
    // The school still reads both.
    expect(
      (await dsl.get(`/api/incidents/${allegationId}/attachments/${onAllegation.json().id}`)).statusCode,
    ).toBe(200);
  });
});
