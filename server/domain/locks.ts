import type { Store } from '../db/store';
import { createLocks, type Locks } from '../repositories/locks';

/**
 * The advisory locks of an open transaction (see server/repositories/locks.ts).
 * PORT IN PROGRESS (issue 16): becomes `tx.repos.locks` once createRepositories builds it.
 */
export function locksOf(tx: Store): Locks {
  if (!tx.inTransaction) throw new Error('locks hold only inside a transaction: call locksOf(tx) in store.transaction');
  return createLocks(tx.db, tx.engineName);
}
