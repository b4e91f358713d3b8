/** The real Waymark server, started from its entry point in its own process for a benchmark to load. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFreshDatabase } from '../apps/api/src/db/fresh-database.ts';
import { DEMO_AUTHENTICATOR_KEY, DEMO_PASSWORD } from '../apps/api/src/modules/demo/demo-trust.ts';
import { codeAt } from '../apps/api/src/modules/second-factor/totp.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface BenchServer {
  base: string;
  kind: string;
  /** The PostgreSQL database the server uses, when it uses a server (for raw SQL beside it). */
  databaseUrl: string | undefined;
  stop: () => Promise<void>;
}

/**
 * Starts the server with the demo trust on a fresh database: a new database on BENCH_DATABASE_URL's
 * server when it is set, otherwise the embedded one in a temporary directory (or in `dataDir`, kept).
 */
export async function startServer({ dataDir: given }: { dataDir?: string } = {}): Promise<BenchServer> {
  // An embedded database in a directory the caller gave is the caller's to keep (seeded between runs).
  const dataDir = given ?? mkdtempSync(join(tmpdir(), 'waymark-bench-'));
  const port = 4000 + Math.floor(Math.random() * 1000);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    SEED_DEMO: 'true',
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
    WAYMARK_DATA_DIR: dataDir,
  };
  let kind = 'embedded (PGlite, on disk)';
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>> | undefined;
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    fresh = await createFreshDatabase(serverUrl, 'waymark_bench');
    env.DATABASE_URL = fresh.url;
    kind = 'PostgreSQL server';
  }
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: root,
    env,
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error('The server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    kind,
    databaseUrl: fresh?.url,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      await fresh?.drop();
      if (!given) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser's cookies, and the CSRF token it sends with every write. */
export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in over HTTP as a browser would (the session check first, for the CSRF cookie). */
export async function signIn(base: string, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const first = await fetch(`${base}/api/auth/session`);
  const csrf = /waymark_csrf=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')![1]!;
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `waymark_csrf=${csrf}` },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const rotated = cookies.find((c) => c.startsWith('waymark_csrf='))?.slice('waymark_csrf='.length);
  const session = { cookie: cookies.join('; '), csrf: rotated ?? csrf };
  // Demo administrators, headteachers, AP leads and DSLs enter a code from the demo's authenticator key.
  if (((await response.json()) as { secondFactor?: string }).secondFactor === 'code')
    await postJson(base, session, '/api/auth/second-factor', {
      code: await codeAt(DEMO_AUTHENTICATOR_KEY, new Date()),
    });
  return session;
}

/** GETs a path as the session and returns the parsed JSON; any status but 200 is an error. */
export async function getJson<T>(base: string, session: Session, path: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: { cookie: session.cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** POSTs JSON as the session; any status but 200 is an error. */
export async function postJson<T>(base: string, session: Session, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrf },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
