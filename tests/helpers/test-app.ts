import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig, type AppConfig } from '../../server/config';

export interface TestApp {
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

/** The real app on a fresh temporary DATA_DIR with the demo county loaded; no port, no mocks. */
export async function buildTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, { clientDist: path.join(dataDir, 'no-client'), ...overrides });
  const app = await buildApp(config);
  await app.ready();
  return {
    app,
    dataDir,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function firstActiveEntry(app: FastifyInstance) {
  const entry = app.repos.entries.list().find((e) => e.active);
  if (!entry) throw new Error('demo county has no active entry point');
  return entry;
}
