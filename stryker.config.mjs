// @ts-check
/**
 * Mutation testing of the policy's rules (packages/domain): `npm run test:mutations`.
 * Outside the default test run; docs/testing.md records the last score and the survivors.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // Every domain test, not only those importing the mutated file directly: the policy-thresholds
  // table reaches most rules, and per-test coverage still runs only the tests that reach a mutant.
  vitest: { configFile: 'packages/domain/vitest.config.ts', dir: 'packages/domain', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'packages/domain/src/**/*.ts',
    '!packages/domain/src/**/*.test.ts',
    '!packages/domain/src/index.ts',
  ],
  // The sandbox needs the domain package and the root's config; the apps are not copied.
  // Anchored at the root: a bare 'reports' would also drop packages/domain/src/reports.
  ignorePatterns: ['/apps', '/e2e', '/bench', '/data', '/docs', '/reports', '/scripts'],
  coverageAnalysis: 'perTest',
  // Module-level values (the code tables, the audit and letter templates, the policy text) are
  // "static": each of their 1,200-odd mutants reruns every test, 94% of the run's time. They are
  // left out and counted as ignored; the rules that read them are mutated.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'reports/mutation/domain.json' },
  clearTextReporter: { reportScoreTable: true, allowColor: false, maxTestsToLog: 0 },
  // No break: the run reports its score (docs/testing.md) rather than failing below a line.
  thresholds: { high: 90, low: 85, break: null },
  incremental: true,
  incrementalFile: 'reports/mutation/domain-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
