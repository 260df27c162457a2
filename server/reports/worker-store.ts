import Database from 'better-sqlite3';
import { createPostgresPool, postgresEngine, sqliteEngine, type Engine } from '../db/engine';
import type { StorageTarget } from '../db/open-store';
import { createStore, type Store } from '../db/store';
import { createRegisterLedgerRepository, type RegisterLedgerRepository } from '../repositories/register-ledger';
import { preferReplica } from './replica-reader';

/** Where the report worker finds the data: the request thread passes it in the worker's start-up data. */
export type WorkerStoreOptions = StorageTarget;

/** The worker's own way into the data; the register's 台账 has a repository of its own, outside the Store. */
export interface WorkerStore {
  store: Store;
  registerLedger: RegisterLedgerRepository;
}

/** The store a report reads from, chosen as the report starts (the primary, or its streaming standby). */
export type WorkerReader = () => Promise<WorkerStore>;

const readerOver = (engine: Engine, engineName: 'sqlite' | 'postgres'): WorkerStore => ({
  store: createStore(engine, engineName),
  registerLedger: createRegisterLedgerRepository(engine),
});

/**
 * A small pool whose sessions refuse writes, so a report can never write, even on a standby promoted after a
 * failover. Its sessions carry a name of their own, so a database administrator sees which ones are reports; an
 * idle one dropped (the standby stopping, say) goes to the app's log through `warn`.
 */
export const REPORT_APPLICATION_NAME = 'xfm-reports';
const readOnlyPostgres = (url: string, warn: (message: string) => void, options: { connectionTimeoutMillis?: number } = {}): WorkerStore =>
  readerOver(
    postgresEngine(
      createPostgresPool(url, { max: 2, application_name: REPORT_APPLICATION_NAME, options: '-c default_transaction_read_only=on', ...options }, (err) =>
        warn(`a report connection to PostgreSQL was dropped while idle: ${err.message}`),
      ),
    ),
    'postgres',
  );

/**
 * The report worker's connections, read-only, so a report can never write. On SQLite, WAL lets this reader run
 * beside the request thread's writer, so a county-wide report never holds up a resident; on PostgreSQL the worker
 * has a small pool of its own, on the streaming standby when DATABASE_REPLICA_URL names one (./replica-reader.ts).
 * This is the one place that knows which engine and server the worker reads from.
 */
export function openWorkerStore(options: WorkerStoreOptions, warn: (message: string) => void): WorkerReader {
  if (options.engine === 'postgres') {
    const primary = readOnlyPostgres(options.url, warn);
    if (!options.replicaUrl) return () => Promise.resolve(primary);
    // A standby that does not answer is given up on after two seconds, not the system's TCP timeout.
    return preferReplica(readOnlyPostgres(options.replicaUrl, warn, { connectionTimeoutMillis: 2000 }), primary, warn);
  }
  const db = new Database(options.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const sqlite = readerOver(sqliteEngine(db), 'sqlite');
  return () => Promise.resolve(sqlite);
}
