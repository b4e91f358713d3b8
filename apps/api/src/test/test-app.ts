/** The real app over a real test database, with a clock the test can move. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { registerClock } from './http-client.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  now(): Date;
  advanceMinutes(minutes: number): void;
  close(): Promise<void>;
}

/** `logTo` turns the server log on (at LOG_LEVEL, or info) and writes its lines there. */
export async function createTestApp(
  env: Record<string, string> = {},
  { logTo }: { logTo?: NodeJS.WritableStream } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  let now = new Date('2026-01-12T09:30:00Z');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: logTo ? 'info' : 'silent',
    WEB_DIST_DIR: '/nonexistent',
    // Tests sign in many times from one address; the limit itself has its own test.
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000',
    ...env,
  });
  const app = await buildApp(
    { config, db: database.db, connection: database, clock: () => now },
    logTo ? { logStream: logTo } : { logger: false },
  );
  await app.ready();
  registerClock(app, () => now);
  return {
    app,
    database,
    now: () => now,
    advanceMinutes: (minutes) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}
