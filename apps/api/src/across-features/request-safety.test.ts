/**
 * Requests built to break things: text PostgreSQL cannot store, uploads that are not what they claim,
 * headers too large to parse, and a database error carrying a marked string. Each is refused with a
 * JSON error and a code, changes nothing, and leaves nothing personal in the server log.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFiles } from '../modules/files/files.table.ts';
import { pupils } from '../modules/pupils/pupils.table.ts';
import { buildTrust, buildUser } from '../test/builders.ts';
import { signedInClient, staffAt, type TestClient } from '../test/http-client.ts';
import { multipartBody, samplePdf, samplePng } from '../test/multipart.ts';
import { activePlacement } from '../test/placement-builders.ts';
import { approvedProvider } from '../test/provider-builders.ts';
import { pupilBody } from '../test/pupil-builders.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

// The test clock starts on Monday 12 January 2026 at 09:30 in London.
const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let lead: TestClient;
let admin: TestClient;
let portal: TestClient;
let pupilId: string;
let providerId: string;
let concernId: string;

beforeAll(async () => {
  t = await createTestApp({}, { logTo: logStream });
  trust = await buildTrust(t.database.db);
  const staff = (role: 'ap_lead' | 'headteacher') => staffAt(t, trust.schoolA, role);
  lead = await staff('ap_lead');
  const head = await staff('headteacher');
  admin = await signedInClient(t.app, trust.admin.email);
  providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const placed = await activePlacement(lead, { schoolId: trust.schoolA.id, providerId });
  pupilId = placed.pupilId;
  const providerUser = await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
  });
  portal = await signedInClient(t.app, providerUser.email);
  concernId = (
    await portal.post('/api/portal/incidents', {
      placementId: placed.placementId,
      kind: 'safeguarding_concern',
      occurredAt: '2026-01-12T09:10',
      location: 'Workshop',
      whatHappened: 'Said something worrying at break',
      immediateActions: 'Told the DSL by phone',
    })
  ).json().id;
});
afterAll(() => t.close());

/** The app on a real port, for what only Node's HTTP parser sees; opened once for the file. */
let address: string | undefined;
const listening = async () => {
  address ??= await t.app.listen({ port: 0, host: '127.0.0.1' });
  return address;
};

const rows = async (table: typeof pupils | typeof storedFiles) =>
  (await t.database.db.select({ n: count() }).from(table))[0]!.n;

describe('text that cannot be stored', () => {
  const unstorable = {
    nul: 'Jor\u0000dan',
    'lone high surrogate': 'Jor\uD800dan',
    'lone low surrogate': 'Jor\uDC00dan',
  };

  it.each(Object.entries(unstorable))(
    'refuses a %s in a JSON field, naming it, and saves nothing',
    async (_, name) => {
      const before = await rows(pupils);
      const response = await lead.post('/api/pupils', pupilBody(trust.schoolA.id, { legalFirstName: name }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'request.invalid',
        fields: [{ path: 'legalFirstName', message: expect.stringContaining('cannot be stored') }],
      });
      expect(await rows(pupils)).toBe(before);
    },
  );

  it('finds it deep in a body, in an imported file and in a concern typed in the portal', async () => {
    const nested = await lead.post(
      '/api/pupils',
      pupilBody(trust.schoolA.id, {
        parents: [{ name: 'Kerry\u0000', relationship: 'Mother', parentalResponsibility: true }],
      }),
    );
    expect(nested.json().error.fields).toEqual([{ path: 'parents.0.name', message: expect.any(String) }]);
    const imported = await lead.post('/api/pupils/import/preview', {
      schoolId: trust.schoolA.id,
      format: 'csv',
      content: 'UPN,Forename\nR201100018042,Jo\u0000rdan\n',
    });
    expect(imported.json().error.fields).toEqual([{ path: 'content', message: expect.any(String) }]);
    const concern = await portal.post('/api/portal/incidents', {
      placementId: 'not-checked-before-the-text',
      kind: 'safeguarding_concern',
      occurredAt: '2026-01-12T09:10',
      location: 'Workshop',
      whatHappened: 'He said \u0000 at break',
      immediateActions: 'Told the DSL',
    });
    expect(concern.statusCode).toBe(400);
    expect(concern.json().error.fields.map((f: { path: string }) => f.path)).toContain('whatHappened');
  });

  it.each(['/api/pupils', '/api/providers', '/api/users', '/api/audit-log'])(
    'refuses a NUL in the search of %s',
    async (path) => {
      const response = await admin.get(`${path}?search=a%00b`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([{ path: 'query.search', message: expect.any(String) }]);
    },
  );

  it('refuses a NUL in the path', async () => {
    const response = await lead.get(`/api/pupils/${pupilId}%00`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('path.pupilId');
  });

  it('keeps other unusual text: right-to-left marks, emoji and accents are stored as typed', async () => {
    const name = 'Zoë \u202eabc\u200f 😀';
    const response = await lead.post(
      '/api/pupils',
      pupilBody(trust.schoolA.id, { upn: 'V340212300012', uln: undefined, legalLastName: name }),
    );
    expect(response.statusCode).toBe(201);
    expect((await lead.get(`/api/pupils/${response.json().id}`)).json().legalLastName).toBe(name);
  });
});

describe('uploads that are not what they claim', () => {
  const uploads = () => [
    `/api/pupils/${pupilId}/documents`,
    `/api/providers/${providerId}/documents`,
    `/api/portal/incidents/${concernId}/attachments`,
  ];
  const clientFor = (url: string) => (url.startsWith('/api/portal') ? portal : lead);
  const send = (url: string, body: Buffer | string, contentType: string) =>
    clientFor(url).request('POST', url, body, { 'content-type': contentType });
  const fields = {
    kind: 'risk_assessment',
    title: 'Risk assessment',
    documentDate: '2026-01-09',
    description: 'x',
  };

  it('refuses two files where one is expected, a body cut short and a missing boundary, storing nothing', async () => {
    for (const url of uploads()) {
      const before = await rows(storedFiles);
      const one = multipartBody(fields, { name: 'a.pdf', type: 'application/pdf', content: samplePdf });
      const boundary = one.contentType.split('boundary=')[1]!;
      const second = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.png"\r\nContent-Type: image/png\r\n\r\n`,
      );
      const twoFiles = Buffer.concat([
        one.body.subarray(0, one.body.length - `--${boundary}--\r\n`.length),
        second,
        samplePng,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const cases: [string, Buffer | string, string][] = [
        ['two files', twoFiles, one.contentType],
        ['cut short', one.body.subarray(0, one.body.length - 40), one.contentType],
        ['no boundary', one.body, 'multipart/form-data'],
        ['not multipart at all', 'plain words', 'multipart/form-data; boundary=zzz'],
      ];
      for (const [what, body, contentType] of cases) {
        const response = await send(url, body, contentType);
        expect([400, 413], `${what} at ${url}`).toContain(response.statusCode);
        expect(response.json().error.code, `${what} at ${url}`).toMatch(/^request\./);
        if (what === 'two files') expect(response.json().error.message).toBe('Send one file at a time.');
      }
      expect(await rows(storedFiles), url).toBe(before);
    }
  });

  it('refuses a form with more fields than an upload takes, storing nothing', async () => {
    const before = await rows(storedFiles);
    const crowded = multipartBody(
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`extra${i}`, 'x'])),
      { name: 'a.pdf', type: 'application/pdf', content: samplePdf },
    );
    const response = await send(uploads()[0]!, crowded.body, crowded.contentType);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.malformed_upload');
    expect(await rows(storedFiles)).toBe(before);
  });

  it('refuses a NUL in a form field or a file name', async () => {
    const named = multipartBody(
      { ...fields, title: 'Risk\u0000' },
      { name: 'a.pdf', type: 'application/pdf', content: samplePdf },
    );
    const response = await send(uploads()[0]!, named.body, named.contentType);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('title');
  });
});

describe('errors before Waymark reads the request', () => {
  it('answers headers too large with the JSON error body and a code', async () => {
    const { port } = new URL(await listening());
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/api/health', headers: { 'x-padding': 'a'.repeat(20_000) } },
        (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expect(answer.type).toContain('application/json');
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'request.headers_too_large', message: expect.any(String) },
    });
  });
});

describe('a request line Node cannot read', () => {
  it('answers 400 with the JSON error body and a code', async () => {
    const { port } = new URL(await listening());
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT A REQUEST\r\n\r\n'));
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toEqual({
      error: { code: 'request.malformed', message: 'The request could not be read.' },
    });
  });
});

describe('each module its own codes', () => {
  it('a broken register CSV is the register’s problem, not the pupil import’s', async () => {
    const response = await portal.post('/api/portal/register/csv/preview', {
      content: 'UPN,Date,Session,Mark\n"R201100018042,2026-01-12,am,present\n',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('attendance.register_unreadable');
    // The parser's own message quotes the row; the answer says where, not what.
    expect(response.body).not.toContain('R201100018042');
  });
});

describe('the server log', () => {
  it('never holds request bodies, query strings, SQL parameters or the values a database error quotes', async () => {
    const marker = 'MARKER-disclosure-91f3';
    // A constraint only this test has makes the database refuse the marked value mid-request.
    await t.database.db.execute(
      sql.raw(`alter table pupils add constraint test_refuses_marker check (legal_last_name <> '${marker}')`),
    );
    try {
      const response = await lead.post(
        `/api/pupils?search=${marker}`,
        pupilBody(trust.schoolA.id, { upn: 'Z340212300005', uln: undefined, legalLastName: marker }),
      );
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain(marker);
      await lead.get(`/api/pupils?search=${marker}`);
    } finally {
      await t.database.db.execute(sql.raw('alter table pupils drop constraint test_refuses_marker'));
    }
    const log = logLines.join('\n');
    // The failure is there, with where it happened…
    expect(log).toContain('unhandled error');
    expect(log).toContain('test_refuses_marker');
    // …and nothing of what was sent.
    expect(log).not.toContain(marker);
    expect(log).not.toContain(TEST_PARENT);
  });
});

const TEST_PARENT = 'Kerry Reeve';
