/**
 * Generated bad input (fast-check) at every route: any JSON as the body, any text in the path and the
 * query, and broken multipart forms at the upload routes, sent by a role the route lets in. Text is
 * full Unicode, with the awkward cases weighted in: NUL, lone surrogates, right-to-left and zero-width
 * marks, and 10 kB strings. No answer may be a 500, and a refused request may not change a single row
 * anywhere in the database. FUZZ_RUNS=200 npm test -- bad-input runs a larger sample than CI's.
 */
import { type Permission, type RoleName, roleHasPermission } from '@waymark/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, buildUser } from '../test/builders.ts';
import { databaseFingerprint } from '../test/fingerprint.ts';
import { signedInClient, type TestClient } from '../test/http-client.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
const clients = new Map<RoleName, TestClient>();
const roles: RoleName[] = ['trust_admin', 'dsl', 'provider_staff'];
const SAMPLES = Number(process.env.FUZZ_RUNS ?? 8);

/** One unit of text: any code point, or one of the characters that break naive code. */
const awkwardUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\u0000',
      '\uD800',
      '\uDFFF',
      '\u202E',
      '\u200F',
      '\u200B',
      '\uFEFF',
      '%',
      '\\',
    ),
  },
);
const anyText = (maxLength: number) =>
  fc.oneof(
    { weight: 19, arbitrary: fc.string({ unit: awkwardUnit, maxLength }) },
    { weight: 1, arbitrary: fc.constant('Ω'.repeat(5_000)) },
  );

/**
 * Percent-encodes text for a URL, including what encodeURIComponent refuses: a lone surrogate is sent
 * as the bytes a careless encoder would produce, so the server meets invalid UTF-8 too.
 */
function encodeAny(text: string): string {
  let out = '';
  for (const unit of text) {
    const code = unit.charCodeAt(0);
    if (unit.length === 1 && code >= 0xd800 && code <= 0xdfff)
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(unit);
  }
  return out;
}

/** A multipart body as a broken client might send it: well formed, cut short, doubled or with no boundary. */
const multipartAttempt = fc
  .record({
    fields: fc.dictionary(anyText(12), anyText(60), { maxKeys: 4 }),
    filename: anyText(30),
    content: fc.uint8Array({ maxLength: 2_000 }),
    shape: fc.constantFrom('whole', 'cut', 'two files', 'no boundary', 'no closing'),
    cutAt: fc.nat(),
  })
  .map(({ fields, filename, content, shape, cutAt }) => {
    const boundary = 'fuzzboundary7f3a';
    const part = (headers: string, body: Buffer | string) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
        Buffer.from(body),
        Buffer.from('\r\n'),
      ]);
    const file = part(
      `Content-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf`,
      Buffer.from(content),
    );
    const parts = [
      ...Object.entries(fields).map(([name, value]) =>
        part(`Content-Disposition: form-data; name="${name}"`, value),
      ),
      file,
      ...(shape === 'two files' ? [file] : []),
    ];
    let body = Buffer.concat([...parts, Buffer.from(shape === 'no closing' ? '' : `--${boundary}--\r\n`)]);
    if (shape === 'cut') body = body.subarray(0, cutAt % Math.max(1, body.length));
    const contentType =
      shape === 'no boundary' ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`;
    return { body, contentType };
  });

beforeAll(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  for (const role of roles) {
    const scope =
      role === 'trust_admin'
        ? { scopeType: 'group' as const, scopeId: trust.group.id }
        : role === 'provider_staff'
          ? { scopeType: 'provider' as const, scopeId: trust.provider.id }
          : { scopeType: 'school' as const, scopeId: trust.schoolA.id };
    const user = await buildUser(t.database.db, { groupId: trust.group.id, roles: [{ role, ...scope }] });
    clients.set(role, await signedInClient(t.app, user.email));
  }
});
afterAll(() => t.close());

const fingerprint = () => databaseFingerprint(t.database.db);

/** The routes that take a file (a multipart form), by where they are. */
const isUpload = (route: { method: string; url: string }) =>
  route.method === 'POST' && /\/(documents|attachments|certificate)$/.test(route.url);

const clientFor = (permission: Permission | null) =>
  clients.get(permission ? roles.find((r) => roleHasPermission(r, permission))! : 'trust_admin')!;

describe('bad input at every route', () => {
  it('has a fingerprint that sees a write', async () => {
    const before = await fingerprint();
    expect((await clients.get('trust_admin')!.post('/api/account/calendar-feed', {})).statusCode).toBe(201);
    expect(await fingerprint()).not.toBe(before);
  });

  it('never answers 500 and never writes when it refuses', async () => {
    const routes = t.app
      .routePolicies()
      .filter(
        (r) =>
          r.url.startsWith('/api/') &&
          r.method !== 'HEAD' &&
          !r.url.startsWith('/api/docs') &&
          r.policy?.kind !== 'provider_api_key' &&
          !['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere'].includes(`${r.method} ${r.url}`),
      );
    const problems: string[] = [];
    let before = await fingerprint();
    for (const route of routes) {
      const permission = route.policy?.kind === 'permission' ? route.policy.permission : null;
      if (permission && !roles.some((r) => roleHasPermission(r, permission))) continue;
      const client = clientFor(permission);
      let accepted = false;
      await fc.assert(
        fc.asyncProperty(
          fc.jsonValue({ maxDepth: 3, stringUnit: awkwardUnit }),
          fc.array(fc.oneof(anyText(40), fc.uuid()), { minLength: 4, maxLength: 4 }),
          fc.dictionary(anyText(12), anyText(30), { maxKeys: 3 }),
          multipartAttempt,
          async (body, segments, query, upload) => {
            let i = 0;
            const path = route.url.replace(/:\w+/g, () => encodeAny(segments[i++ % segments.length]!) || 'x');
            const search = Object.entries(query)
              .map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`)
              .join('&');
            const url = `${path}${search ? `?${search}` : ''}`;
            const response = isUpload(route)
              ? await client.request(route.method as 'POST', url, upload.body, {
                  'content-type': upload.contentType,
                })
              : await client.request(
                  route.method as 'POST',
                  url,
                  route.method === 'GET' || route.method === 'DELETE' ? undefined : (body as object),
                );
            if (response.statusCode < 300) accepted = true;
            if (response.statusCode >= 500)
              problems.push(
                `${route.method} ${url} → ${response.statusCode}: ${response.body.slice(0, 200)}`,
              );
          },
        ),
        { numRuns: SAMPLES, seed: 20261129 },
      );
      const after = await fingerprint();
      // A request the generated input happened to satisfy may write; a refused one may not.
      if (!accepted && after !== before) problems.push(`${route.method} ${route.url} wrote while refusing`);
      before = after;
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
