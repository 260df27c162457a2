import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/postgres';
import { MIGRATIONS_DIR } from '../paths';
import { createPostgresPool } from './engine';
import { migratePostgres, postgresMigrationPlan } from './migrate-postgres';

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
