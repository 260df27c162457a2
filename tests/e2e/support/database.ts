import type { RawBuilder } from 'kysely';
import type { EngineName } from '../../../server/db/engine';
import { withDatabaseOf } from '../../helpers/data-dir-database';
import type { RunningServer } from './server';

// The one door from a browser test to the server's database, for what no page or API shows. Write the queries with
// kysely's `sql` template in SQL both engines accept: the door opens on SQLite now and on PostgreSQL later.

/** Every row a query returns. */
export function queryRows<Row>(server: RunningServer, query: RawBuilder<Row>): Promise<Row[]> {
  return withDatabaseOf(server, async (db) => (await query.execute(db)).rows);
}

/** The first column of the first row: a count, an id, a date (undefined when there is no row). */
export async function queryValue<Row>(server: RunningServer, query: RawBuilder<Row>): Promise<(Row extends Record<string, infer T> ? T : unknown) | undefined> {
  const [first] = await queryRows(server, query);
  return first === undefined ? undefined : (Object.values(first as object)[0] as Row extends Record<string, infer T> ? T : unknown);
}

/** Set-up writes a test needs (a week passing, a row no page creates), in one connection, in order. */
export function arrange(server: RunningServer, ...statements: RawBuilder<unknown>[]): Promise<void> {
  return withDatabaseOf(server, async (db) => {
    for (const statement of statements) await statement.execute(db);
  });
}

/** Which engine the server runs on, for the few checks only one of them has (SQLite's integrity_check). */
export function engineOf(server: RunningServer): EngineName {
  return server.env.DATABASE_URL ? 'postgres' : 'sqlite';
}
