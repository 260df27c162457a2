import { sql } from 'kysely';
import type { Engine } from '../db/engine';
import { isSqlite } from './dialect';

/**
 * Serializes work on one thing (a person, a request id, a case) across app servers, for the rest of the open
 * transaction. A read-then-write (is this request id known? is this case still open?) takes the lock first, so two
 * servers handling the same thing at once run one after the other and the second sees what the first committed.
 *
 * PostgreSQL: a transaction-scoped advisory lock, released at COMMIT or ROLLBACK; outside a transaction it would
 * be released at once, so it is refused outside one. Always take locks in one order: request id,
 * case (several by ascending id), person, household; so two transactions never wait on each other. The other
 * namespaces (referral, measure, bootstrap) are taken alone.
 * SQLite: nothing to do: write transactions BEGIN IMMEDIATE, so one writer at a time already.
 */
export function createLocks(db: Engine) {
  return {
    async lockKey(namespace: string, key: string | number): Promise<void> {
      // Refused on both engines, so a lock taken outside store.transaction fails in the SQLite tests too.
      if (!db.isTransaction) throw new Error('locks hold only inside a transaction: take them in store.transaction');
      if (isSqlite(db)) return;
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${namespace}:${key}`}, 0))`.execute(db);
    },
  };
}

export type Locks = ReturnType<typeof createLocks>;
