import Database from 'better-sqlite3';
import { sqliteEngine } from '../db/engine';
import { createStore, type Store } from '../db/store';
import { createRegisterLedgerRepository, type RegisterLedgerRepository } from '../repositories/register-ledger';

/** Where the report worker finds the data: the request thread passes it in the worker's start-up data. */
export interface WorkerStoreOptions {
  /** The SQLite file the server writes. */
  file: string;
}

/** The worker's own way into the data; the register's 台账 has a repository of its own, outside the Store. */
export interface WorkerStore {
  store: Store;
  registerLedger: RegisterLedgerRepository;
}

/**
 * The report worker's connection, its only one: read-only, so a report can never write. On SQLite, WAL lets this
 * reader run beside the request thread's writer, so a county-wide report never holds up a resident. This is the
 * one place that knows which engine the worker reads from.
 */
export function openWorkerStore({ file }: WorkerStoreOptions): WorkerStore {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const engine = sqliteEngine(db);
  return { store: createStore(engine, 'sqlite', db), registerLedger: createRegisterLedgerRepository(db) };
}
