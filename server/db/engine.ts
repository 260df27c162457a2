import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { DB } from './open';
import type { Database } from './schema';

/** The two storage engines: embedded SQLite (the default) and PostgreSQL (DATABASE_URL). */
export type EngineName = 'sqlite' | 'postgres';

/** A typed query builder over either engine; repositories written against it run on both. */
export type Engine = Kysely<Database>;

/**
 * Kysely over the app's existing better-sqlite3 connection, so ported and not-yet-ported repositories share one
 * connection (and one transaction at a time) during the move. Destroying this Kysely leaves the connection open:
 * whoever opened it closes it. Statements are prepared once and reused, as the synchronous repositories do.
 */
export function sqliteEngine(db: DB): Engine {
  const statements = new Map<string, ReturnType<DB['prepare']>>();
  const shared: SqliteDatabase = {
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        // Builders with variable IN-lists make many shapes; a bound keeps the cache from growing without end.
        if (statements.size >= 500) statements.clear();
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {},
  };
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: shared }) });
}

/**
 * SQLite write transactions start IMMEDIATE: a transaction that reads and then writes takes the write lock at
 * BEGIN, so another process on the same file (a CLI import beside the server) waits on busy_timeout instead of
 * failing with SQLITE_BUSY when its read lock cannot be upgraded.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Counts and bigint ids come back from PostgreSQL as text; as numbers they match what SQLite returns. */
function parseBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`整数超出安全范围：${text}`);
  return value;
}

const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? parseBigint : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A connection pool to PostgreSQL with the engine's type parsing; close it with `pool.end()` (or the Engine's destroy).
 * An idle connection the server drops (a restart, a failover, an administrator) is an 'error' on the pool: without a
 * listener Node would end the whole app server over it. The pool discards that connection and opens a new one on the
 * next query, so it is only reported.
 */
export function createPostgresPool(
  connectionString: string,
  options: pg.PoolConfig = {},
  onIdleError: (err: Error) => void = (err) => process.emitWarning(`PostgreSQL 空闲连接断开：${err.message}`),
): pg.Pool {
  const pool = new pg.Pool({ connectionString, types: typeParsers, max: 10, ...options });
  pool.on('error', onIdleError);
  return pool;
}

/** Kysely over a PostgreSQL pool. Destroying this Kysely ends the pool. */
export function postgresEngine(pool: pg.Pool): Engine {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
