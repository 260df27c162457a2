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
import type { Repositories } from '../repositories';
import { sqliteEngine } from '../db/engine';
import { createStore, type Store } from '../db/store';

declare module 'fastify' {
  interface FastifyInstance {
    db: DB;
    store: Store;
    /** The store's repositories, for reads outside a transaction. */
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
  const engine = sqliteEngine(db);
  const store = createStore(engine, 'sqlite', db);
  const repos = store.repos;
  let keys: DataKeys;
  try {
    keys = await openKeys(createKeyCheckRepository(db), dataDir, dataKey);
  } catch (err) {
    db.close();
    throw err;
  }
  const vault = createVault(keys);
  const reports = createReports({ file, keys });
  app.decorate('db', db);
  app.decorate('store', store);
  app.decorate('repos', repos);
  app.decorate('vault', vault);
  app.decorate('reports', reports);
  app.decorate('intake', createIntake(store, vault));
  const counters = createUsageCounters(store, (err) => app.log.warn({ err }, 'usage counters not written'));
  app.decorate('counters', counters);
  const timer = setInterval(() => void counters.flush(), 2000);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await reports.close();
    await counters.flush();
    planner.stop();
    await engine.destroy();
    db.close();
  });
};

export default fp(dbPlugin, { name: 'db' });
