import Database from 'better-sqlite3';
import { createPostgresPool, postgresEngine, sqliteEngine } from '../db/engine';
import { createStore, type Store } from '../db/store';
import { createRegisterLedgerRepository, type RegisterLedgerRepository } from '../repositories/register-ledger';

/** Where the report worker finds the data: the request thread passes it in the worker's start-up data. */
export type WorkerStoreOptions = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

/** The worker's own way into the data; the register's 台账 has a repository of its own, outside the Store. */
export interface WorkerStore {
  store: Store;
  registerLedger: RegisterLedgerRepository;
}

/**
 * The report worker's connection, its only one, and read-only, so a report can never write. On SQLite, WAL lets
 * this reader run beside the request thread's writer, so a county-wide report never holds up a resident; on
 * PostgreSQL the worker has a small pool of its own whose sessions refuse writes. This is the one place that
 * knows which engine the worker reads from.
 */
export function openWorkerStore(options: WorkerStoreOptions): WorkerStore {
  if (options.engine === 'postgres') {
    const pool = createPostgresPool(options.url, { max: 2, options: '-c default_transaction_read_only=on' });
    const engine = postgresEngine(pool);
    return { store: createStore(engine, 'postgres'), registerLedger: createRegisterLedgerRepository(engine) };
  }
  const db = new Database(options.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const engine = sqliteEngine(db);
  return { store: createStore(engine, 'sqlite'), registerLedger: createRegisterLedgerRepository(engine) };
}
