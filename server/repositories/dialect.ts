import { SqliteAdapter, sql, type RawBuilder } from 'kysely';
import { countyOf } from '../../shared/accounts/scope';
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

/**
 * The county to write with a new case, household or 幸福码. PostgreSQL keeps it as a plain column (070) so the value
 * travels in the INSERT, as a sharded PostgreSQL (Citus) needs to route the row by county; SQLite generates it
 * from the township and refuses a value.
 */
export function countyOnInsert(db: Engine, township: string): { county?: string } {
  return isSqlite(db) ? {} : { county: countyOf(township) };
}
