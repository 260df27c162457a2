import { SqliteAdapter, sql, type RawBuilder } from 'kysely';
import type { Engine } from '../db/engine';

/**
 * The few SQL spellings the two engines do not share, chosen from the engine a repository was built on (a
 * transaction's engine answers the same), so factories need no engine name.
 */
export const isSqlite = (db: Engine): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * The China month (YYYY-MM) of an ISO-8601 UTC instant held as text. PostgreSQL's cast to `timestamp` ignores
 * the trailing Z, so the session's time zone plays no part.
 */
export function chinaMonth(db: Engine, column: string): RawBuilder<string> {
  return isSqlite(db)
    ? sql<string>`strftime('%Y-%m', ${sql.ref(column)}, '+8 hours')`
    : sql<string>`to_char(${sql.ref(column)}::timestamp + interval '8 hours', 'YYYY-MM')`;
}
