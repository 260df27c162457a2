import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/postgres';
import { MIGRATIONS_DIR } from '../paths';
import { createPostgresPool } from './engine';
import { migrate } from './migrate';
import { migratePostgres, postgresMigrationPlan } from './migrate-postgres';
import { openDatabase } from './open';

const dirs: string[] = [];
function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-pgmig-'));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), sql);
  }
  return dir;
}
afterAll(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the PostgreSQL migration plan', () => {
  it('follows the shared numbered sequence, taking pg/ files where they exist', () => {
    const plan = postgresMigrationPlan();
    const shared = fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{3}_.*\.sql$/.test(f)).sort();
    expect(plan.map((m) => m.id)).toEqual(shared);
    expect(plan.find((m) => m.id === '001_foundation.sql')?.file).toBe(path.join(MIGRATIONS_DIR, 'pg', '001_foundation.sql'));
    expect(plan.find((m) => m.id === '014_open_queue_index.sql')?.file).toBe(path.join(MIGRATIONS_DIR, '014_open_queue_index.sql'));
  });

  it('refuses a pg/ file that has no shared file of the same name', () => {
    const dir = migrationsDir({ '001_a.sql': 'SELECT 1;', 'pg/002_b.sql': 'SELECT 1;' });
    expect(() => postgresMigrationPlan(dir)).toThrow(/002_b\.sql/);
  });
});

describe.skipIf(inject('postgresAdminUrl') === null)('migrating PostgreSQL', () => {
  let database: TestDatabase;
  const pools: ReturnType<typeof createPostgresPool>[] = [];
  const pool = () => {
    const p = createPostgresPool(database.url, { max: 2 });
    pools.push(p);
    return p;
  };
  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl')!);
  });
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
  });
  afterAll(() => database?.drop());

  it('two servers starting at once apply each migration exactly once', async () => {
    const [a, b] = await Promise.all([migratePostgres(pool()), migratePostgres(pool())]);
    const all = postgresMigrationPlan().map((m) => m.id);
    // One runner applied everything; the other waited for the lock and found nothing left.
    expect([a, b].sort((x, y) => y.length - x.length)).toEqual([all, []]);
    const { rows } = await pool().query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(all);
    expect(await migratePostgres(pool())).toEqual([]);
  });

  it('build the same tables, columns, indexes and triggers as SQLite', async () => {
    const dir = migrationsDir({});
    const sqlite = openDatabase(path.join(dir, 'db.sqlite'));
    migrate(sqlite);
    // table_xinfo: generated columns (the county, 063) are hidden from table_info.
    const sqliteColumns = sqlite
      .prepare("SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p WHERE m.type = 'table'")
      .pluck()
      .all() as string[];
    const sqliteIndexes = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'")
      .pluck()
      .all() as string[];
    const sqliteTriggers = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
    sqlite.close();

    const p = pool();
    await migratePostgres(p);
    const columns = await p.query<{ c: string }>(
      "SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = 'public'",
    );
    // Primary keys and UNIQUE constraints have their own (differently named) indexes on each engine.
    const indexes = await p.query<{ i: string }>(
      "SELECT indexname AS i FROM pg_indexes WHERE schemaname = 'public' AND indexname !~ '_(pkey|key)$'",
    );
    const triggers = await p.query<{ t: string }>('SELECT tgname AS t FROM pg_trigger WHERE NOT tgisinternal');
    expect(columns.rows.map((r) => r.c).sort()).toEqual(sqliteColumns.sort());
    expect(indexes.rows.map((r) => r.i).sort()).toEqual(sqliteIndexes.sort());
    // PostgreSQL adds only the TRUNCATE guards of the append-only tables, and the triggers that keep the county
    // columns SQLite generates (070).
    const extra = triggers.rows.map((r) => r.t).filter((t) => !sqliteTriggers.includes(t));
    expect(extra.sort()).toEqual([
      'audit_log_no_truncate', 'case_events_no_truncate', 'cases_county', 'entry_points_county', 'household_events_no_truncate',
      'households_county', 'parameter_versions_no_truncate', 'referrals_county', 'warning_rule_versions_no_truncate',
    ]);
    expect(sqliteTriggers.filter((t) => !triggers.rows.some((r) => r.t === t))).toEqual([]);
  });

  it('roll back a failing migration whole, and record what went before', async () => {
    const scratch = await createTestDatabase(inject('postgresAdminUrl')!);
    const p = createPostgresPool(scratch.url, { max: 1 });
    try {
      const dir = migrationsDir({
        '001_ok.sql': 'CREATE TABLE a (x INTEGER);',
        '002_broken.sql': 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);',
      });
      await expect(migratePostgres(p, dir)).rejects.toThrow(/002_broken\.sql/);
      const tables = await p.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rows.map((r) => r.t).sort()).toEqual(['a', 'schema_migrations']);
      const ids = await p.query<{ id: string }>('SELECT id FROM schema_migrations');
      expect(ids.rows.map((r) => r.id)).toEqual(['001_ok.sql']);
      // The lock was released: a later run proceeds (and fails on the same step again).
      await expect(migratePostgres(p, dir)).rejects.toThrow(/002_broken\.sql/);
    } finally {
      await p.end();
      await scratch.drop();
    }
  });
});
