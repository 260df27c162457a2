import type { Engine } from '../../server/db/engine';
import { openStore, storageTarget } from '../../server/db/open-store';
import type { Store } from '../../server/db/store';

/** Where a server process or an admin command keeps its data: its DATA_DIR, and DATABASE_URL when it has one. */
export interface DataPlace {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The store over another process's database (a server's, an admin command's), opened for a test to check or
 * arrange what no API shows: PostgreSQL when the process runs on DATABASE_URL, the SQLite file in its DATA_DIR
 * otherwise (both wait for the other process's locks). Closed when `work` is done.
 */
export async function withStoreOf<T>(place: DataPlace, work: (store: Store) => Promise<T>): Promise<T> {
  const opened = await openStore(storageTarget({ dataDir: place.dataDir, databaseUrl: place.env?.DATABASE_URL }), { poolSize: 1 });
  try {
    return await work(opened.store);
  } finally {
    await opened.close();
  }
}

/** The same, for raw checks: `sql\`…\`.execute(db)` in SQL both engines accept. */
export function withDatabaseOf<T>(place: DataPlace, work: (db: Engine) => Promise<T>): Promise<T> {
  return withStoreOf(place, (store) => work(store.db));
}
