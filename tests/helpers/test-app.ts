import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig, type AppConfig } from '../../server/config';
import type { EngineName } from '../../server/db/engine';
import { createTestDatabase, POSTGRES_ADMIN_URL, type TestDatabase } from './postgres';

export interface TestApp {
  app: FastifyInstance;
  dataDir: string;
  /** On PostgreSQL, where the app's data is and its key, for a tool that writes beside it (the bench seeder). */
  databaseUrl?: string;
  dataKey?: string;
  close(): Promise<void>;
}

/** `XFM_TEST_ENGINE=postgres` runs the API suite on a throwaway PostgreSQL database per app; SQLite otherwise. */
export const testEngine = (env: NodeJS.ProcessEnv = process.env): EngineName =>
  env.XFM_TEST_ENGINE?.trim() === 'postgres' ? 'postgres' : 'sqlite';

/** The real app on a fresh temporary DATA_DIR with the demo county loaded; no port, no mocks. */
export async function buildTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-test-'));
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  let database: TestDatabase | undefined;
  if (testEngine() === 'postgres') {
    database = await createTestDatabase().catch((error: unknown) => {
      throw new Error(`XFM_TEST_ENGINE=postgres, but no throwaway database could be made at ${new URL(POSTGRES_ADMIN_URL).host}: ${String(error)}`);
    });
    env.DATABASE_URL = database.url;
    // On PostgreSQL every app server shares one key from DATA_KEY (64 bytes, base64); a test app invents its own.
    env.DATA_KEY = randomBytes(64).toString('base64');
  }
  try {
    const config = loadConfig(env, { clientDist: path.join(dataDir, 'no-client'), ...overrides });
    const app = await buildApp(config);
    await app.ready();
    return {
      app,
      dataDir,
      databaseUrl: env.DATABASE_URL,
      dataKey: env.DATA_KEY,
      async close() {
        try {
          await app.close();
        } finally {
          await database?.drop();
          fs.rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await database?.drop();
    throw error;
  }
}

export async function firstActiveEntry(app: FastifyInstance) {
  const entry = (await app.repos.entries.list()).find((e) => e.active);
  if (!entry) throw new Error('demo county has no active entry point');
  return entry;
}
