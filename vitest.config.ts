import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { POSTGRES_SKIPPED_LINE, postgresAnswers, postgresRequired } from './tests/helpers/postgres';

// Four suites: pure domain (unit), the real app over a temporary SQLite file (api), the same API suite over
// PostgreSQL (api-pg), and a real server process driven through Debian's Chromium (e2e).
// Without PostgreSQL (a developer's machine), the api-pg suite is left out with one line; CI always runs it.
const withPostgres = postgresRequired() || (await postgresAnswers());
if (!withPostgres) console.log(`${POSTGRES_SKIPPED_LINE}（api-pg）`);

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias: { '@shared': path.resolve(import.meta.dirname, 'shared') } },
        test: { name: 'unit', include: ['shared/**/*.test.ts', 'client/src/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'api',
          include: ['server/**/*.test.ts', 'tests/api/**/*.test.ts'],
          environment: 'node',
          // Asks once whether PostgreSQL answers: its suites run when it does, and always in CI.
          globalSetup: ['tests/helpers/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres ? [{
        test: {
          // The same API suite again with every app on a throwaway PostgreSQL database (tests/helpers/test-app.ts).
          name: 'api-pg',
          include: [
            'server/routes/**/*.test.ts',
            'server/plugins/**/*.test.ts',
            'tests/api/**/*.test.ts',
            // Domain suites that drive the real app; the others are engine-free or SQLite's own (key file, backup).
            'server/domain/{entry-lookup,register-import,retention,usage-counters,warning-import}.test.ts',
          ],
          // Already on PostgreSQL whichever project runs it (the standby test builds its own primary and standby; the
          // seeding test seeds both engines itself).
          exclude: ['tests/api/two-servers.test.ts', 'tests/api/streaming-replica.test.ts', 'tests/api/seed-cases.test.ts'],
          env: { XFM_TEST_ENGINE: 'postgres' },
          environment: 'node',
          globalSetup: ['tests/helpers/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      }] : []),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      ...(withPostgres ? [{
        test: {
          // The browser rounds that write the most, again on PostgreSQL (tests/e2e/support/server.ts): kill -9 under
          // load, the staff workbench, the register, the household plan, warnings and the partner's referral.
          name: 'e2e-pg',
          include: ['tests/e2e/{durability,staff-workbench,register-round,household-plan,warning-round,partner-round}.test.ts'],
          env: { XFM_TEST_ENGINE: 'postgres' },
          environment: 'node',
          globalSetup: ['tests/e2e/support/global-setup.ts', 'tests/helpers/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      }] : []),
    ],
  },
});
