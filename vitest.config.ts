import { defineConfig } from 'vitest/config';

/**
 * Files, and the tests within each, in a new order every run: a test that leans on another's records
 * fails somewhere. The seed is printed at the start; `TEST_SEED=<seed> npm test` repeats the order
 * (docs/testing.md). The browser journeys are stories in order, so they are not shuffled.
 */
const seed = Number(process.env.TEST_SEED) || Math.floor(Math.random() * 1_000_000);
console.log(`Domain and API tests shuffled with TEST_SEED=${seed}`);
const shuffled = { shuffle: { files: true, tests: true }, seed };

export default defineConfig({
  test: {
    reporters: ['default', './scripts/vitest-summary-reporter.ts'],
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'], sequence: shuffled } },
      {
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts'],
          sequence: shuffled,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Pages answer in milliseconds, but a loaded CI machine can take longer than the 1 s default.
          expect: { poll: { timeout: 10_000 } },
          // One server, one browser: journeys run one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
