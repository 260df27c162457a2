import path from 'node:path';
import { createPostgresPool, postgresEngine, sqliteEngine, type EngineName } from './engine';
import { migrate } from './migrate';
import { migratePostgres } from './migrate-postgres';
import { openDatabase, type DB } from './open';
import { keepPlannerInformed } from './planner';
import { createStore, type Store } from './store';

/**
 * Where the data lives: embedded SQLite in the data folder (the default), or a PostgreSQL server, with perhaps a
 * streaming standby that only the county reports read (server/reports/worker-store.ts); the store never opens it.
 */
export type StorageTarget = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; replicaUrl?: string };

export function storageTarget(config: { dataDir: string; databaseUrl?: string; databaseReplicaUrl?: string }): StorageTarget {
  return config.databaseUrl
    ? { engine: 'postgres', url: config.databaseUrl, ...(config.databaseReplicaUrl ? { replicaUrl: config.databaseReplicaUrl } : {}) }
    : { engine: 'sqlite', file: path.join(config.dataDir, 'xingfuma.sqlite') };
}

export interface OpenedStore {
  store: Store;
  engineName: EngineName;
  /** The raw SQLite connection (backup, PRAGMAs); absent on PostgreSQL. */
  sqlite?: DB;
  close(): Promise<void>;
}

/**
 * Opens the database, brings its schema up to date (on PostgreSQL under an advisory lock, so several app servers
 * starting together migrate once) and returns the store over it. Whoever opens it closes it.
 */
export async function openStore(target: StorageTarget, options: { poolSize?: number } = {}): Promise<OpenedStore> {
  if (target.engine === 'postgres') {
    // JIT off: the app's queries are short index lookups, and compiling one whose estimate crosses jit_above_cost
    // (a big county's count, say) costs tens of ms for nothing. Reports run on their own pool (worker-store.ts).
    const pool = createPostgresPool(target.url, { max: options.poolSize ?? 10, options: '-c jit=off' });
    try {
      await migratePostgres(pool);
    } catch (err) {
      await pool.end();
      throw err;
    }
    const engine = postgresEngine(pool);
    return { store: createStore(engine, 'postgres'), engineName: 'postgres', close: () => engine.destroy() };
  }
  const db = openDatabase(target.file);
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const planner = keepPlannerInformed(db);
  const engine = sqliteEngine(db);
  return {
    store: createStore(engine, 'sqlite'),
    engineName: 'sqlite',
    sqlite: db,
    async close() {
      planner.stop();
      await engine.destroy();
      db.close();
    },
  };
}
