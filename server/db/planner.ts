import type { DB } from './open';

const EVERY_SIX_HOURS = 6 * 3_600_000;

/**
 * Keeps SQLite's query planner informed about how many rows each table and index holds, so the queue,
 * statistics and ledger queries keep choosing the right index as a county grows from a few cases to
 * a million. ANALYZE is bounded (analysis_limit: it samples about this many rows per index), so even
 * on a million cases it takes milliseconds, not seconds.
 */
export function keepPlannerInformed(db: DB, migrationsApplied: string[]): { stop(): void } {
  db.pragma('analysis_limit = 1000');
  // A migration may have added indexes the planner has never measured.
  if (migrationsApplied.length) db.exec('ANALYZE');
  // SQLite's advice for long-lived connections: optimize on open (0x10002: every table, not only those
  // this connection has used), periodically, and before closing; each re-analyzes only tables whose
  // size changed enough to matter, so most runs do nothing.
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
