import path from 'node:path';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import type { Vault } from '../domain/crypto';
import { openVault } from '../domain/key-check';
import { createKeyCheckRepository } from '../repositories/key-check';
import { createIntake } from '../domain/intake';
import { createUsageCounters, type UsageCounters } from '../domain/usage-counters';
import { migrate } from '../db/migrate';
import { openDatabase, type DB } from '../db/open';
import { createRepositories, type Repositories } from '../repositories';

declare module 'fastify' {
  interface FastifyInstance {
    db: DB;
    repos: Repositories;
    vault: Vault;
    intake: ReturnType<typeof createIntake>;
    counters: UsageCounters;
  }
}

/** One SQLite connection per app (migrated on open, closed with the app), its repositories and the vault. */
const dbPlugin: FastifyPluginAsync<{ dataDir: string; dataKey?: string }> = async (app, { dataDir, dataKey }) => {
  const db = openDatabase(path.join(dataDir, 'xingfuma.sqlite'));
  migrate(db);
  const repos = createRepositories(db);
  let vault: Vault;
  try {
    vault = openVault(createKeyCheckRepository(db), dataDir, dataKey);
  } catch (err) {
    db.close();
    throw err;
  }
  app.decorate('db', db);
  app.decorate('repos', repos);
  app.decorate('vault', vault);
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
    counters.flush();
    db.close();
  });
};

export default fp(dbPlugin, { name: 'db' });
