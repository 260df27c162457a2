import { sql } from 'kysely';
import type { WorkerReader, WorkerStore } from './worker-store';

/** How long reports stay on the primary after the standby failed to answer, before it is asked again. */
export const REPLICA_RETRY_AFTER_MS = 30_000;

/**
 * Reports read from the streaming standby (DATABASE_REPLICA_URL) while it answers, so a county-wide count takes
 * nothing from the primary that residents write to. When it does not answer (stopped, unreachable, being rebuilt)
 * they read from the primary instead and say so once; the standby is asked again half a minute later, so a report
 * does not wait out a dead host's connection timeout each time. `warn` is told when it goes away and comes back.
 */
export function preferReplica(replica: WorkerStore, primary: WorkerStore, warn: (message: string) => void, now = Date.now): WorkerReader {
  let down = false;
  let retryAt = 0;
  return async () => {
    if (down && now() < retryAt) return primary;
    try {
      // A cheap question first: an export that has started streaming cannot move to the other server halfway.
      await sql`SELECT 1`.execute(replica.store.db);
    } catch (err) {
      if (!down) warn(`the replica (DATABASE_REPLICA_URL) does not answer, reports read from the primary: ${err instanceof Error ? err.message : String(err)}`);
      down = true;
      retryAt = now() + REPLICA_RETRY_AFTER_MS;
      return primary;
    }
    if (down) warn('the replica (DATABASE_REPLICA_URL) answers again, reports read from it');
    down = false;
    return replica;
  };
}
