import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { MIGRATIONS_DIR } from '../paths';

/** One numbered step of the shared sequence, with the file PostgreSQL runs for it. */
export interface PostgresMigration {
  /** The shared file name, recorded in schema_migrations on both engines. */
  id: string;
  file: string;
}

const MIGRATION_NAME = /^\d{3}_[a-z0-9_]+\.sql$/;
/** Any fixed number works; every app server must use the same one. ('xfm_mig' in ASCII.) */
const MIGRATION_LOCK_KEY = '33889617143753063';

/**
 * The sequence PostgreSQL follows: every shared `NNN_name.sql`, replaced by `pg/NNN_name.sql` where the SQLite
 * text does not run on PostgreSQL. An override without a shared file of the same name would fork the sequence.
 */
export function postgresMigrationPlan(dir = MIGRATIONS_DIR): PostgresMigration[] {
  const shared = fs.readdirSync(dir).filter((f) => MIGRATION_NAME.test(f)).sort();
  const overrideDir = path.join(dir, 'pg');
  const overrides = fs.existsSync(overrideDir) ? fs.readdirSync(overrideDir).filter((f) => f.endsWith('.sql')) : [];
  const orphans = overrides.filter((f) => !shared.includes(f));
  if (orphans.length > 0) {
    throw new Error(`PostgreSQL migrations without a shared file of the same name: ${orphans.join(', ')}`);
  }
  return shared.map((id) => ({ id, file: overrides.includes(id) ? path.join(overrideDir, id) : path.join(dir, id) }));
}

/**
 * Applies every migration not yet recorded, each in its own transaction, while holding an advisory lock, so
 * several app servers starting at once apply each step exactly once (the others wait, then find nothing to do).
 */
export async function migratePostgres(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const plan = postgresMigrationPlan(dir);
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        id TEXT PRIMARY KEY,
        applied_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      )`);
      const { rows } = await client.query<{ id: string }>('SELECT id FROM schema_migrations');
      const applied = new Set(rows.map((r) => r.id));
      const done: string[] = [];
      for (const step of plan) {
        if (applied.has(step.id)) continue;
        const sql = fs.readFileSync(step.file, 'utf8');
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query('INSERT INTO schema_migrations (id) VALUES ($1)', [step.id]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`PostgreSQL migration ${step.id} failed: ${(err as Error).message}`, { cause: err });
        }
        done.push(step.id);
      }
      return done;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    client.release();
  }
}
