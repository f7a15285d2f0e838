import { defineConfig } from 'vitest/config';

/**
 * Projects: unit tests (pure), integration tests on SQLite and on PostgreSQL (the same files,
 * TEST_STORE chooses the store), and browser tests in Chromium. scripts/test.mjs decides
 * which of the external suites can run.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'], exclude: ['**/*.int.test.ts', '**/*.e2e.test.ts'] } },
      { test: { name: 'sqlite', include: ['test/integration/**/*.int.test.ts'], env: { TEST_STORE: 'sqlite' }, testTimeout: 60_000, hookTimeout: 120_000 } },
      { test: { name: 'postgres', include: ['test/integration/**/*.int.test.ts'], env: { TEST_STORE: 'postgres' }, testTimeout: 60_000, hookTimeout: 120_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'], testTimeout: 90_000, hookTimeout: 180_000 } },
    ],
  },
});
