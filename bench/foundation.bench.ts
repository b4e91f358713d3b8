/**
 * Foundation figures: school-day arithmetic, and the HTTP paths every page uses (sign-in, the
 * session check, a scoped list) against the real server on loopback, embedded or PostgreSQL.
 *
 *   npm run bench                         embedded database (PGlite)
 *   BENCH_DATABASE_URL=postgres://… npm run bench    a PostgreSQL server (a fresh database is created)
 *
 * The server runs as its own process (the real entry point, with demo data); this process is the load.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, createSchoolCalendar, shippedBankHolidays } from '@waymark/domain';
import { createFreshDatabase } from '../apps/api/src/db/fresh-database.ts';
import { DEMO_PASSWORD, demoTermDates } from '../apps/api/src/modules/demo/demo-trust.ts';
import { type Figures, measure } from './measure.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function benchCalendar(): Promise<Figures[]> {
  const calendar = createSchoolCalendar({
    halfTerms: demoTermDates.flatMap((y) => y.halfTerms),
    closureDays: demoTermDates.flatMap((y) => y.closureDays),
    bankHolidays: shippedBankHolidays,
  });
  return [
    await measure('calendar: is this a school day', 100_000, 1, (i) =>
      calendar.isSchoolDay(addDays('2025-09-01', i % 600)),
    ),
    await measure('calendar: add 10 school days', 50_000, 1, (i) =>
      calendar.addSchoolDays(addDays('2025-09-01', i % 300), 10),
    ),
  ];
}

/** Starts the real server entry point in its own process, so the load generator does not share its event loop. */
async function startServer(): Promise<{ base: string; kind: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
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
  let drop: (() => Promise<void>) | undefined;
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    const fresh = await createFreshDatabase(serverUrl, 'waymark_bench');
    env.DATABASE_URL = fresh.url;
    kind = 'PostgreSQL server';
    drop = fresh.drop;
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
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      await drop?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function benchHttp(): Promise<{ kind: string; rows: Figures[] }> {
  const { base, kind, stop } = await startServer();
  const first = await fetch(`${base}/api/auth/session`);
  const csrf = /waymark_csrf=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')![1]!;
  async function signIn() {
    const response = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `waymark_csrf=${csrf}` },
      body: JSON.stringify({ email: 'admin@northway.example', password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
    return response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }
  const cookie = await signIn();
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    await response.arrayBuffer();
  };
  const organisation = (await (await fetch(`${base}/api/organisation`, { headers: { cookie } })).json()) as {
    schools: { id: string }[];
  };
  const schoolId = organisation.schools[0]!.id;
  const { placements } = (await (await fetch(`${base}/api/placements`, { headers: { cookie } })).json()) as {
    placements: { id: string }[];
  };
  const placementId = placements[0]!.id;

  const rows = [
    await measure('HTTP: GET /api/health (one database round trip)', 2_000, 8, () => get('/api/health')),
    await measure('HTTP: GET /api/auth/session (signed in)', 2_000, 8, () => get('/api/auth/session')),
    await measure('HTTP: GET /api/users (scoped list, first page)', 2_000, 8, () => get('/api/users')),
    await measure('HTTP: GET a school’s term dates with day counts', 1_000, 8, () =>
      get(`/api/schools/${schoolId}/term-dates?academicYear=2025%2F26`),
    ),
    // The directory evaluates every provider's approval: audits, letters, insurance, SLA, decisions,
    // notices and the live registration counts, one query per kind of fact.
    await measure('HTTP: GET /api/providers (directory with approval status)', 500, 8, () =>
      get('/api/providers'),
    ),
    await measure('HTTP: GET /api/pupils (scoped list)', 1_000, 8, () => get('/api/pupils')),
    await measure('HTTP: GET a placement page (plan, checks, reviews, timeline; read logged)', 500, 8, () =>
      get(`/api/placements/${placementId}`),
    ),
    // argon2id is slow on purpose; this is its cost per sign-in here.
    await measure('HTTP: POST /api/auth/sign-in (argon2id)', 100, 2, () => signIn()),
  ];
  await stop();
  return { kind, rows };
}
