/**
 * What leaves Waymark where anyone may read it: email subjects (previews, lock screens, shared inboxes)
 * and calendar feeds (bearer addresses synced into Outlook or Google). With a pupil whose records
 * produce every kind of email and duty, none of them may carry the pupil's name or what happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { createClient, signedInClient, signedInStaff, type TestClient } from '../../test/http-client.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { chaseMissingRegisters } from '../attendance/chasers.ts';
import { sendDigests } from '../notifications/digest.ts';
import { sendRenewalReminders } from '../notifications/renewal-reminders.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London.
const PUPIL = { legalFirstName: 'Zephyrine', legalLastName: 'Quillfeather', preferredName: 'Zeph' };
const DETAIL = 'MARKER-what-happened-4b7d';
const FORBIDDEN = [...Object.values(PUPIL), DETAIL, 'allegation', 'restraint'];

let t: TestApp;
let admin: TestClient;
const staff: Record<'lead' | 'dsl' | 'officer' | 'head', TestClient> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  admin = await signedInClient(t.app, trust.admin.email);
  const roles = { lead: 'ap_lead', dsl: 'dsl', officer: 'attendance_officer', head: 'headteacher' } as const;
  for (const [key, role] of Object.entries(roles) as [
    keyof typeof roles,
    (typeof roles)[keyof typeof roles],
  ][])
    staff[key] = await signedInStaff(t.app, t.database.db, {
      groupId: trust.group.id,
      role,
      schoolId: trust.schoolA.id,
    });
  const providerId = await approvedProvider(staff.lead, staff.head, { name: 'Harbour Learning' });
  const { placementId } = await activePlacement(staff.lead, {
    schoolId: trust.schoolA.id,
    providerId,
    pupil: {
      ...PUPIL,
      parents: [
        {
          name: 'Kim Quillfeather',
          relationship: 'Mother',
          email: 'kim@example.org',
          parentalResponsibility: true,
        },
      ],
    },
  });
  const providerUser = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
  });
  const portal = await signedInClient(t.app, providerUser.email);
  const report = (kind: string, extra: Record<string, unknown> = {}) =>
    portal.post('/api/portal/incidents', {
      placementId,
      kind,
      occurredAt: '2026-01-12T09:10',
      location: 'Workshop',
      whatHappened: `${DETAIL}: ${PUPIL.preferredName} said something worrying`,
      immediateActions: 'Told the DSL by phone',
      ...extra,
    });
  // Every kind of email a pupil's records send: concerns, restraint, school-recorded allegations,
  // progress reports, a voice link to a parent, a register chaser, the digest and renewals.
  expect((await report('safeguarding_concern')).statusCode).toBe(201);
  expect(
    (await report('restraint', { postIncidentSupport: 'Quiet room', debrief: 'Debriefed with staff' }))
      .statusCode,
  ).toBe(201);
  expect((await report('behaviour')).statusCode).toBe(201);
  const allegation = await staff.dsl.post('/api/incidents', {
    placementId,
    kind: 'allegation_against_staff',
    occurredAt: '2026-01-12T09:20',
    location: 'Workshop',
    whatHappened: `${DETAIL}: a tutor shouted at ${PUPIL.legalFirstName}`,
    immediateActions: 'Spoke to the LADO',
  });
  expect(allegation.statusCode).toBe(201);
  expect(
    (
      await portal.post(`/api/portal/placements/${placementId}/progress-reports`, {
        reportedOn: '2026-01-12',
        learning: `${PUPIL.preferredName} finished the first unit`,
        attendanceAndBehaviour: 'Every session',
        nextSteps: 'The second unit',
      })
    ).statusCode,
  ).toBe(201);
  const { requests } = (await staff.lead.get(`/api/placements/${placementId}/voice`)).json();
  const parentRequest = requests.find((r: { respondent: string }) => r.respondent === 'parent');
  expect(
    (
      await staff.lead.post(`/api/placements/${placementId}/voice/${parentRequest.id}/link`, {
        emailTo: 'kim@example.org',
      })
    ).statusCode,
  ).toBe(200);
  // An absence today opens a first-day call and an N to resolve.
  await portal.post('/api/portal/register', {
    date: '2026-01-12',
    session: 'am',
    marks: [{ placementId, mark: 'absent' }],
  });
  const publicUrl = 'https://waymark.example.org';
  // Next Monday's register is not sent: the chaser goes at midday.
  await chaseMissingRegisters({ db: t.database.db, now: new Date('2026-01-19T12:00:00Z'), publicUrl });
  await sendDigests({ db: t.database.db, now: new Date('2026-01-13T07:05:00Z'), publicUrl });
  await sendRenewalReminders({ db: t.database.db, now: new Date('2026-01-13T07:05:00Z'), publicUrl });
});
afterAll(() => t.close());

const leaks = (text: string) => FORBIDDEN.filter((word) => text.toLowerCase().includes(word.toLowerCase()));

describe('what leaves Waymark where others can read it', () => {
  it('email subjects never name the pupil or say what happened', async () => {
    // As the group's administrator reads them in the outbox.
    const sent: { kind: string; subject: string }[] = (await admin.get('/api/outbox?pageSize=200')).json()
      .emails;
    const kinds = new Set(sent.map((e) => e.kind));
    // The scan is only worth something if every kind of email was made.
    for (const kind of ['safeguarding_concern', 'voice_request', 'register_missing'])
      expect(kinds).toContain(kind);
    expect(sent.length).toBeGreaterThanOrEqual(6);
    for (const email of sent) expect(leaks(email.subject), email.subject).toEqual([]);
  });

  it('calendar feeds say how many of what is due at which school, never who or what', async () => {
    for (const [who, client] of Object.entries(staff)) {
      const { url } = (await client.post('/api/account/calendar-feed', {})).json();
      const feed = (await createClient(t.app).get(new URL(url).pathname)).body.replace(/\r\n /g, '');
      const events = feed.match(/BEGIN:VEVENT/g) ?? [];
      expect(events.length, `${who} has duties in the feed`).toBeGreaterThan(0);
      expect(leaks(feed), `${who}'s feed`).toEqual([]);
      expect(feed).not.toContain('/placements/');
      expect(feed).not.toContain('/incidents/');
    }
    const { url } = (await staff.dsl.post('/api/account/calendar-feed', {})).json();
    const dslFeed = (await createClient(t.app).get(new URL(url).pathname)).body.replace(/\r\n /g, '');
    expect(dslFeed).toMatch(/SUMMARY:4 × Concern or incident to triage — Alder School\r\n/);
  });
});
