import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildTrust } from '../../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../../test/http-client.ts';
import { type SmtpPeer, startSmtpPeer } from '../../test/smtp-peer.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { deliverDueEmails, MAX_ATTEMPTS } from './delivery.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { emails } from './notifications.table.ts';
import { queueEmail } from './outbox.ts';

let t: TestApp;
let smtp: SmtpPeer;
let mailer: Mailer;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let admin: TestClient;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Waymark <waymark@northway.example>' });
  mailer = createMailer(
    loadConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Waymark <waymark@northway.example>' }).mail,
  )!;
  trust = await buildTrust(t.database.db);
  admin = await signedInClient(t.app, trust.admin.email);
});
afterAll(async () => {
  mailer.close();
  await t.close();
  await smtp.close();
});

const deliver = () => deliverDueEmails({ db: t.database.db, mailer, clock: t.now });
/** Sends what other tests left queued, so the counts that follow are this test's own emails. */
const drain = async () => {
  await deliver();
};
const queue = (subject: string) =>
  queueEmail(
    t.database.db,
    {
      groupId: trust.group.id,
      kind: 'test',
      to: 'dsl@alder.example',
      toName: 'Dana Lead',
      subject,
      text: 'A line about a pupil.\nAnd another.',
    },
    t.now(),
  );
const statusOf = async (id: string) =>
  (await t.database.db.select().from(emails).where(eq(emails.id, id)))[0]!;

describe('sending email through the outbox', () => {
  it('delivers a queued email over SMTP to its recipient, with the subject and text', async () => {
    await drain();
    const id = await queue('Attendance not received');
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const message = smtp.received.at(-1)!;
    expect(message.to).toEqual(['dsl@alder.example']);
    expect(message.from).toBe('waymark@northway.example');
    expect(message.raw).toContain('Subject: Attendance not received');
    expect(message.raw).toContain('To: Dana Lead <dsl@alder.example>');
    expect(message.raw).toContain('A line about a pupil.');
    const row = await statusOf(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.messageId).toMatch(/@/);
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received.filter((m) => m.raw.includes('Attendance not received'))).toHaveLength(1);
  });

  it('keeps an email the server refuses and sends it on a later pass, after a wait', async () => {
    await drain();
    const before = smtp.received.length;
    smtp.refuseNext(1);
    const id = await queue('Review due this week');
    expect(await deliver()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await statusOf(id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await statusOf(id)).lastError).toContain('Mailbox busy');
    // Not retried at once: the wait grows with each attempt.
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    t.advanceMinutes(2);
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received.length).toBe(before + 1);
  });

  it('marks an email failed after the last attempt; an administrator sees why and sends it again', async () => {
    await drain();
    const down = createMailer(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:1' }).mail)!;
    const id = await queue('Letter due');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDueEmails({ db: t.database.db, mailer: down, clock: t.now });
      t.advanceMinutes(61);
    }
    down.close();
    const failed = await statusOf(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/);

    admin = await signedInClient(t.app, trust.admin.email);
    const list = (await admin.get('/api/outbox?status=failed')).json();
    expect(list.mailServerConfigured).toBe(true);
    expect(list.emails.map((e: { subject: string }) => e.subject)).toEqual(['Letter due']);
    const retried = await admin.post(`/api/outbox/${id}/retry`);
    expect(retried.json()).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await admin.post(`/api/outbox/${id}/retry`)).json().error.code).toBe('outbox.not_failed');
    expect(await deliver()).toMatchObject({ sent: 1 });
  });
});

describe('two Waymark processes and a slow SMTP server', () => {
  it('deliver each email once: a claim is kept alive while its message is sending', async () => {
    await drain();
    const slow = await startSmtpPeer({ delayMs: 300 });
    const slowMailer = createMailer(loadConfig({ SMTP_URL: slow.url }).mail)!;
    try {
      const subjects = Array.from({ length: 6 }, (_, i) => `Slow server ${i}`);
      for (const subject of subjects) await queue(subject);
      // A lease shorter than one message takes: without renewal, the second worker would take over
      // emails the first is still sending, and send them again.
      const worker = async () => {
        let sent = 0;
        for (let pass = 0; pass < 20; pass++) {
          const result = await deliverDueEmails({
            db: t.database.db,
            mailer: slowMailer,
            clock: () => new Date(t.now().getTime() + (Date.now() - startedAt)),
            leaseMs: 150,
          });
          sent += result.sent;
          if (result.sent === 0 && result.retrying === 0) break;
        }
        return sent;
      };
      const startedAt = Date.now();
      const [first, second] = await Promise.all([worker(), worker()]);
      expect(first + second).toBe(6);
      for (const subject of subjects)
        expect(
          slow.received.filter((m) => m.raw.includes(`Subject: ${subject}\r\n`)),
          subject,
        ).toHaveLength(1);
    } finally {
      slowMailer.close();
      await slow.close();
    }
  });
});

describe('the outbox page', () => {
  it('shows an administrator the text of an email and records that they read it', async () => {
    const id = await queue('Provider notice received');
    const email = (await admin.get(`/api/outbox/${id}`)).json();
    expect(email).toMatchObject({
      subject: 'Provider notice received',
      toName: 'Dana Lead',
      status: 'queued',
    });
    expect(email.bodyText).toContain('A line about a pupil.');
    const log = (await admin.get('/api/audit-log?action=outbox.email_read')).json();
    expect(log.events[0]).toMatchObject({ recordId: id });
  });

  it('hides a one-time link once the email has gone; before that an administrator may pass it on', async () => {
    const token = 'Xq3v9bN2mK8pL4rT7wY1zA6cD0eF5gH2jK9nM3pQ';
    const id = await queueEmail(
      t.database.db,
      {
        groupId: trust.group.id,
        kind: 'invitation',
        to: 'new@harbour.example',
        toName: 'New Person',
        subject: 'Your Waymark account',
        text: `Choose a password: https://waymark.example/invitation/${token}`,
      },
      t.now(),
    );
    expect((await admin.get(`/api/outbox/${id}`)).json().bodyText).toContain(token);
    await deliver();
    const sent = (await admin.get(`/api/outbox/${id}`)).json();
    expect(sent.status).toBe('sent');
    expect(sent.bodyText).not.toContain(token);
    expect(sent.bodyText).toContain('/invitation/[hidden once sent]');
  });

  it('is for administrators only, and only for their own group', async () => {
    const headClient = await staffAt(t, trust.schoolA, 'headteacher');
    expect((await headClient.get('/api/outbox')).statusCode).toBe(403);
    const other = await buildTrust(t.database.db);
    const otherAdmin = await signedInClient(t.app, other.admin.email);
    const id = await queue('Not for another trust');
    expect((await otherAdmin.get(`/api/outbox/${id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get('/api/outbox')).json().emails).toEqual([]);
  });
});
