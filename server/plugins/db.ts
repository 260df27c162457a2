import path from 'node:path';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { createVault, type DataKeys, type Vault } from '../domain/crypto';
import { openKeys } from '../domain/key-check';
import { createKeyCheckRepository } from '../repositories/key-check';
import { createIntake } from '../domain/intake';
import { createUsageCounters, type UsageCounters } from '../domain/usage-counters';
import { migrate } from '../db/migrate';
import { openDatabase, type DB } from '../db/open';
import { keepPlannerInformed } from '../db/planner';
import { createReports, type Reports } from '../reports/pool';
import { createRepositories, type Repositories } from '../repositories';

declare module 'fastify' {
  interface FastifyInstance {
    db: DB;
    repos: Repositories;
    vault: Vault;
    intake: ReturnType<typeof createIntake>;
    counters: UsageCounters;
    reports: Reports;
  }
}

/**
 * One SQLite connection per app (migrated on open, closed with the app), its repositories and the vault;
 * county reports read the same file from a worker thread (server/reports/).
 */
const dbPlugin: FastifyPluginAsync<{ dataDir: string; dataKey?: string }> = async (app, { dataDir, dataKey }) => {
  const file = path.join(dataDir, 'xingfuma.sqlite');
  const db = openDatabase(file);
  migrate(db);
  const planner = keepPlannerInformed(db);
  const repos = createRepositories(db);
  let keys: DataKeys;
  try {
    keys = openKeys(createKeyCheckRepository(db), dataDir, dataKey);
  } catch (err) {
    db.close();
    throw err;
  }
  const vault = createVault(keys);
  const reports = createReports({ file, keys });
  app.decorate('db', db);
  app.decorate('repos', repos);
  app.decorate('vault', vault);
  app.decorate('reports', reports);
  app.decorate('intake', createIntake(db, repos, vault));
  const counters = createUsageCounters(repos.entries, (work) => {
    try {
      db.transaction(work)();
    } catch (err) {
      app.log.warn({ err }, 'usage counters not written');
    }
  });
  app.decorate('counters', counters);
  const timer = setInterval(counters.flush, 2000);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await reports.close();
    counters.flush();
    planner.stop();
    db.close();
  });
};

export default fp(dbPlugin, { name: 'db' });
