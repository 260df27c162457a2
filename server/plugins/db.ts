import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import type { DB } from '../db/open';
import { openStore, type StorageTarget } from '../db/open-store';
import type { Store } from '../db/store';
import type { Repositories } from '../repositories';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    /** The store's repositories, for reads outside a transaction. */
    repos: Repositories;
    /** The raw SQLite connection (online backup); absent on PostgreSQL. */
    sqlite: DB | undefined;
  }
}

const closers = new WeakMap<Store, () => Promise<void>>();

/** Closes the store's database once, whoever asks first: the app closing, or a plugin that failed to start. */
export function closeDatabase(store: Store): Promise<void> {
  return closers.get(store)?.() ?? Promise.resolve();
}

/**
 * One database per app, migrated on open and closed with the app, and the store over it: the SQLite file in the
 * data folder, or PostgreSQL when DATABASE_URL is set (server/db/open-store.ts).
 */
const dbPlugin: FastifyPluginAsync<{ target: StorageTarget }> = async (app, { target }) => {
  const opened = await openStore(target);
  let closing: Promise<void> | undefined;
  closers.set(opened.store, () => (closing ??= opened.close()));
  app.decorate('store', opened.store);
  app.decorate('repos', opened.store.repos);
  app.decorate('sqlite', opened.sqlite);
  // Registered first, so it runs last: the services that write or read the data (./services.ts) close before it.
  app.addHook('onClose', () => closeDatabase(opened.store));
};

export default fp(dbPlugin, { name: 'db' });
