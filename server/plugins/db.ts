import path from 'node:path';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { sqliteEngine } from '../db/engine';
import { migrate } from '../db/migrate';
import { openDatabase, type DB } from '../db/open';
import { keepPlannerInformed } from '../db/planner';
import { createStore, type Store } from '../db/store';
import type { Repositories } from '../repositories';

declare module 'fastify' {
  interface FastifyInstance {
    db: DB;
    store: Store;
    /** The store's repositories, for reads outside a transaction. */
    repos: Repositories;
  }
}

/** The county's database file; the report worker opens it too. */
export const databaseFile = (dataDir: string): string => path.join(dataDir, 'xingfuma.sqlite');

const closers = new WeakMap<Store, () => Promise<void>>();

/** Closes the store's database once, whoever asks first: the app closing, or a plugin that failed to start. */
export function closeDatabase(store: Store): Promise<void> {
  return closers.get(store)?.() ?? Promise.resolve();
}

/** One database connection per app, migrated on open and closed with the app, and the store over it. */
const dbPlugin: FastifyPluginAsync<{ dataDir: string }> = async (app, { dataDir }) => {
  const db = openDatabase(databaseFile(dataDir));
  migrate(db);
  const planner = keepPlannerInformed(db);
  const engine = sqliteEngine(db);
  const store = createStore(engine, 'sqlite', db);
  let closing: Promise<void> | undefined;
  closers.set(store, () => {
    closing ??= (async () => {
      planner.stop();
      await engine.destroy();
      db.close();
    })();
    return closing;
  });
  app.decorate('db', db);
  app.decorate('store', store);
  app.decorate('repos', store.repos);
  // Registered first, so it runs last: the services that write or read the file (./services.ts) close before it.
  app.addHook('onClose', () => closeDatabase(store));
};

export default fp(dbPlugin, { name: 'db' });
