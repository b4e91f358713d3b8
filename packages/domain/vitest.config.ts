import { defineConfig } from 'vitest/config';

// The domain's tests on their own: the root config's "domain" project, for the mutation run (stryker.config.mjs).
export default defineConfig({
  test: { include: ['src/**/*.test.ts'] },
});
