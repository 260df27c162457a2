import type { DB } from '../db/open';

/** Whether the database answers at all, for GET /api/health. */
export function createHealthRepository(db: DB) {
  const ping = db.prepare('SELECT 1');
  return {
    /** Throws when the database cannot be read. */
    ping: (): void => {
      ping.get();
    },
  };
}
