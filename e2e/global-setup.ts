/**
 * Starts the real Waymark server once for the browser journeys: the built web app, a fresh embedded
 * database (or a fresh database on the server in TEST_DATABASE_URL) holding the journeys' own small
 * trust (fixtures/journeys-trust.ts), written before the server starts; the server seeds no demo.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../apps/api/src/db/client.ts';
import { createFreshDatabase } from '../apps/api/src/db/fresh-database.ts';
import { runMigrations } from '../apps/api/src/db/migrate.ts';
import { ensureReferenceData } from '../apps/api/src/modules/calendar/reference-data.ts';
import { seedJourneysTrust } from './fixtures/journeys-trust.ts';
import { freePort, waitForHealth } from './support/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: { baseURL: string; chromiumPath: string; clockOffsetMs: number } | { skipReason: string };
  }
}

/**
 * The journeys run on a set school-year day, whatever today's date is: the server's clock starts here
 * and runs on in real time, and each browser page follows it (support/browser.ts). A Sunday afternoon
 * in the autumn term of the demo's academic year, with the term's registers all due.
 */
export const JOURNEYS_START_AT = '2026-11-29T15:00:00Z';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The journeys' trust, in the database the server is about to open, as of the journeys' day. */
async function seedJourneys(database: Parameters<typeof connectDatabase>[0]) {
  const connection = await connectDatabase(database);
  try {
    await runMigrations(connection);
    await ensureReferenceData(connection.db);
    await seedJourneysTrust(connection.db, new Date(JOURNEYS_START_AT));
  } finally {
    await connection.close();
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    const reason = `Chromium is not installed at ${chromiumPath} (apt-get install chromium)`;
    if (process.env.CI) throw new Error(`${reason}: CI requires the browser tests to run.`);
    console.warn(`\nBrowser tests skipped: ${reason}.\n`);
    project.provide('e2e', { skipReason: reason });
    return;
  }
  if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
    throw new Error('The web app is not built: run `npm test` (which builds it) or `npm run build` first.');
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'waymark-e2e-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    WAYMARK_DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
    WAYMARK_CLOCK: JOURNEYS_START_AT,
  };
  // Links in emails (invitations) must open this server.
  env.PUBLIC_URL = `http://127.0.0.1:${env.PORT}`;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const fresh = await createFreshDatabase(process.env.TEST_DATABASE_URL, 'waymark_e2e');
    env.DATABASE_URL = fresh.url;
    dropDatabase = fresh.drop;
  }

  await seedJourneys(
    env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'embedded', dataDir: join(dataDir, 'pglite') },
  );

  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], { cwd: root, env });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const baseURL = `http://127.0.0.1:${env.PORT}`;
  const clockOffsetMs = await waitForHealth(baseURL, server, () => output);
  project.provide('e2e', { baseURL, chromiumPath, clockOffsetMs });

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
