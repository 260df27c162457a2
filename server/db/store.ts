import type { Engine, EngineName } from './engine';
import { createRepositories, type Repositories } from '../repositories';

/**
 * The app's data: the repositories over one engine, and write transactions.
 *
 * Only entry points (a route's domain call, a CLI command, an import batch) open a transaction; code that runs
 * inside one receives the transaction's Store and uses its `repos`. `transaction` on a transaction's Store simply
 * runs the work in the transaction already open, so a helper never deadlocks by nesting (SQLite has one
 * connection; a nested BEGIN would wait for itself).
 */
export interface Store {
  readonly engineName: EngineName;
  /** The query builder, for repositories only: SQL lives in server/repositories/. */
  readonly db: Engine;
  readonly repos: Repositories;
  readonly inTransaction: boolean;
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
}

export function createStore(db: Engine, engineName: EngineName): Store {
  const bound = (engine: Engine, inTransaction: boolean): Store => {
    const store: Store = {
      engineName,
      db: engine,
      repos: createRepositories(engine),
      inTransaction,
      transaction: inTransaction
        ? (work) => work(store)
        : (work) => engine.transaction().execute((trx) => work(bound(trx, true))),
    };
    return store;
  };
  return bound(db, false);
}
