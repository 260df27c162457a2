import { sql } from 'kysely';
import type { Engine } from '../db/engine';

/** Whether the database answers at all, for GET /api/health. */
export function createHealthRepository(db: Engine) {
  return {
    /** Rejects when the database cannot be read. */
    async ping(): Promise<void> {
      await sql`SELECT 1`.execute(db);
    },
  };
}
