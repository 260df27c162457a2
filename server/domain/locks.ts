import type { Store } from '../db/store';
import type { Locks } from '../repositories/locks';

/** The advisory locks of an open transaction (see server/repositories/locks.ts); refused outside one. */
export function locksOf(tx: Store): Locks {
  if (!tx.inTransaction) throw new Error('locks hold only inside a transaction: call locksOf(tx) in store.transaction');
  return tx.repos.locks;
}
