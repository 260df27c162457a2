import type { DB } from './open';

const EVERY_SIX_HOURS = 6 * 3_600_000;

/**
 * Keeps SQLite's query planner informed about how many rows each table and index holds, so the queue,
 * statistics and ledger queries keep choosing the right index as a county grows from a few cases to a
 * million. SQLite's advice for long-lived connections: `PRAGMA optimize` on open, periodically, and before
 * closing. Each run ANALYZEs only the tables that need it (never measured, an index not yet measured, or
 * grown many times over), so most runs do nothing. Called right after the migrations, it also measures
 * whatever indexes they added. analysis_limit bounds each ANALYZE to a sample of rows per index, so even
 * a million cases take milliseconds, not seconds.
 */
export function keepPlannerInformed(db: DB): { stop(): void } {
  db.pragma('analysis_limit = 1000');
  // 0x10002: every table, not only those this connection has used so far (none, on open).
  db.pragma('optimize = 0x10002');
  const timer = setInterval(() => db.pragma('optimize'), EVERY_SIX_HOURS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      // Advice only: a failure here must not keep the database from closing.
      try {
        db.pragma('optimize');
      } catch {
        /* the next open optimizes instead */
      }
    },
  };
}
