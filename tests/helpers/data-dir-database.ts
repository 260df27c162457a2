import path from 'node:path';
import Database from 'better-sqlite3';
import { createPostgresPool, postgresEngine, sqliteEngine, type Engine } from '../../server/db/engine';
import { createStore, type Store } from '../../server/db/store';

/** Where a server process or an admin command keeps its data: its DATA_DIR, and DATABASE_URL when it has one. */
export interface DataPlace {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}

function openSqliteFile(dataDir: string): Database.Database {
  const db = new Database(path.join(dataDir, 'xingfuma.sqlite'), { fileMustExist: true });
  // The server (or CLI) may be writing at the same moment: wait for its lock rather than fail.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * The database of another process, opened for a test to check (or arrange) what no API shows. Queries go through
 * the engine (`sql\`…\`.execute(db)`, in SQL both engines accept), so the same check reads PostgreSQL when the
 * process runs on DATABASE_URL and the SQLite file in its DATA_DIR otherwise.
 */
export async function withDatabaseOf<T>(place: DataPlace, work: (db: Engine) => Promise<T>): Promise<T> {
  const url = place.env?.DATABASE_URL;
  if (url) {
    const engine = postgresEngine(createPostgresPool(url, { max: 1 }));
    try {
      return await work(engine);
    } finally {
      await engine.destroy(); // ends the pool
    }
  }
  const db = openSqliteFile(place.dataDir);
  const engine = sqliteEngine(db);
  try {
    return await work(engine);
  } finally {
    await engine.destroy();
    db.close();
  }
}

/**
 * The repositories over another process's database, for tests that read through them. SQLite only until every
 * repository runs on the engine alone (issue 16).
 */
export async function withStoreOf<T>(place: DataPlace, work: (store: Store) => Promise<T>): Promise<T> {
  const db = openSqliteFile(place.dataDir);
  const engine = sqliteEngine(db);
  try {
    return await work(createStore(engine, 'sqlite', db));
  } finally {
    await engine.destroy();
    db.close();
  }
}
