import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { multipartBody, samplePdf, samplePng } from '../../test/multipart.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { pupilBody } from '../../test/pupil-builders.ts';
import { type SmtpPeer, startSmtpPeer } from '../../test/smtp-peer.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { auditEvents } from '../audit-log/audit-log.table.ts';
import { deliverDueEmails } from '../notifications/delivery.ts';
import { sendDigests } from '../notifications/digest.ts';
import { createMailer, type Mailer } from '../notifications/mailer.ts';
import { emails } from '../notifications/notifications.table.ts';
import { incidents } from './incidents.table.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London.
let t: TestApp;
let smtp: SmtpPeer;
let mailer: Mailer;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let lead: TestClient;
let dsl: TestClient;
let otherDsl: TestClient;
let officer: TestClient;
let portal: TestClient;
let otherPortal: TestClient;
let placementId: string;
let pupilId: string;
let dslEmail: string;
let leadEmail: string;
let portalEmail: string;

const mail = { SMTP_URL: '', MAIL_FROM: 'Waymark <waymark@northway.example>' };

beforeAll(async () => {
  smtp = await startSmtpPeer();
  mail.SMTP_URL = smtp.url;
  t = await createTestApp(mail);
  mailer = createMailer(loadConfig(mail).mail)!;
  trust = await buildTrust(t.database.db);
  const user = (
    role: 'ap_lead' | 'headteacher' | 'dsl' | 'attendance_officer',
    schoolId = trust.schoolA.id,
  ) =>
    buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role, scopeType: 'school', scopeId: schoolId }],
    });
  leadEmail = (await user('ap_lead')).email;
  lead = await signedInClient(t.app, leadEmail);
  const head = await signedInClient(t.app, (await user('headteacher')).email);
  dslEmail = (await user('dsl')).email;
  dsl = await signedInClient(t.app, dslEmail);
  otherDsl = await signedInClient(t.app, (await user('dsl', trust.schoolB.id)).email);
  officer = await signedInClient(t.app, (await user('attendance_officer')).email);
  const providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const otherProviderId = await approvedProvider(lead, head, { name: 'Quayside', ukprn: '10077777' });
  pupilId = (await lead.post('/api/pupils', pupilBody(trust.schoolA.id))).json().id;
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
  const staff = async (id: string) =>
    (
      await buildUser(t.database.db, {
        groupId: trust.group.id,
        roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: id }],
      })
    ).email;
  portalEmail = await staff(providerId);
  portal = await signedInClient(t.app, portalEmail);
  otherPortal = await signedInClient(t.app, await staff(otherProviderId));
});
afterAll(async () => {
  mailer.close();
  await t.close();
  await smtp.close();
});

const concern = (extra: Record<string, unknown> = {}) => ({
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

let concernId: string;

describe('reporting a concern from the provider portal', () => {
  it('records it once however often it is sent, and emails the school’s DSL without detail', async () => {
    const headers = { 'idempotency-key': 'report-7f3a9c21' };
    const first = await portal.request('POST', '/api/portal/incidents', concern(), headers);
    expect(first.statusCode).toBe(201);
    const retry = await portal.request('POST', '/api/portal/incidents', concern(), headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    concernId = first.json().id;
    expect(await incidentCount()).toBe(1);

    const queued = await t.database.db.select().from(emails).where(eq(emails.kind, 'safeguarding_concern'));
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
    const [listed] = (await lead.get('/api/incidents')).json().incidents;
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
    expect((await otherDsl.get(`/api/incidents/${concernId}`)).statusCode).toBe(404);
    expect((await otherDsl.get('/api/incidents')).json().incidents).toEqual([]);
    const seenByOfficer = (await officer.get(`/api/incidents/${concernId}`)).json();
    expect(seenByOfficer).toMatchObject({ restricted: true, detail: null, canManage: false });
    expect((await otherDsl.get(`/api/pupils/${pupilId}/chronology`)).statusCode).toBe(404);
  });
});

describe('the DSL’s work on a concern', () => {
  it('triages, sets actions, records a referral and closes with the outcome, all in the chronology', async () => {
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
      'Action for Sam Patel (Harbour) by 2026-01-16',
      "Referred to Children's social care on 2026-01-12 (ref. CSC-44120)",
      'Closed',
    ]);
    expect((await portal.get('/api/portal/incidents')).json().incidents[0].status).toBe('closed');
  });
});

describe('exporting the list', () => {
  it('gives each reader the list as they see it, and refuses those without it', async () => {
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
    const reported = await portal.post(
      '/api/portal/incidents',
      concern({
        kind: 'restraint',
        occurredAt: '2026-01-11T23:30', // last night, told this morning: not the same day
        whatHappened: 'Jordan tried to leave the residential trip at night; held by two staff for a minute',
        postIncidentSupport: 'Calm time with his key worker; checked for injury, none found',
        debrief: 'Debrief with Jordan and both staff the next morning',
      }),
    );
    expect(reported.statusCode).toBe(201);
    const queued = await t.database.db.select().from(emails).where(eq(emails.kind, 'restraint'));
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
    const seen = await officer.post(
      '/api/incidents',
      concern({ kind: 'behaviour', whatHappened: 'Swore at staff at the gate' }),
    );
    expect(seen.statusCode).toBe(201);
    const elsewhere = await otherDsl.post('/api/incidents', concern());
    expect(elsewhere.json().error.fields).toEqual([
      { path: 'placementId', message: 'There is no such placement at your schools' },
    ]);
  });

  it('holds non-urgent emails for the morning digest when the AP lead chooses it; urgent ones go at once', async () => {
    const urgent = await lead.put('/api/account/notifications', { kind: 'restraint', mode: 'digest' });
    expect(urgent.json().error.fields).toEqual([
      { path: 'mode', message: 'This kind is urgent: it is always sent at once' },
    ]);
    const chosen = await lead.put('/api/account/notifications', { kind: 'incident', mode: 'digest' });
    expect(chosen.json().preferences).toContainEqual(
      expect.objectContaining({ kind: 'incident', mode: 'digest' }),
    );
    const before = (await t.database.db.select().from(emails)).length;
    const behaviour = concern({
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
  });
});

describe('what the provider portal never sees', () => {
  it('keeps what the school recorded from the provider: an allegation about its staff, and the school’s statements', async () => {
    // Fresh sessions: the tests before moved the clock on past the idle timeout.
    const dsl = await signedInClient(t.app, dslEmail);
    const portal = await signedInClient(t.app, portalEmail);
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
