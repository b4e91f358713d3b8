/**
 * How long the living demo takes to build, chapter by chapter together, on a fresh embedded database
 * (or on BENCH_DATABASE_URL's server): the part of a first `npm start` the demo adds.
 */
import { performance } from 'node:perf_hooks';
import { seedLivingDemo } from '../apps/api/src/modules/demo/living/living-demo.ts';
import { createTestDatabase } from '../apps/api/src/test/test-database.ts';

export async function benchLivingDemo(runs = 3) {
  if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const seconds: number[] = [];
  for (let run = 0; run < runs; run++) {
    const database = await createTestDatabase();
    try {
      const started = performance.now();
      await seedLivingDemo(database.db, new Date('2026-12-06T09:00:00Z'));
      seconds.push(Math.round((performance.now() - started) / 100) / 10);
    } finally {
      await database.destroy();
    }
  }
  return { kind: process.env.TEST_DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite', seconds };
}
