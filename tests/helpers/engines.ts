import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { createPostgresPool, postgresEngine, sqliteEngine, type Engine, type EngineName } from '../../server/db/engine';
import { migrate } from '../../server/db/migrate';
import { migratePostgres } from '../../server/db/migrate-postgres';
import { openDatabase } from '../../server/db/open';
import { createTestDatabase } from './postgres';

/** For `describe.each(ENGINES)`: every suite that touches the schema through Kysely proves it on both engines. */
export const ENGINES: readonly EngineName[] = ['sqlite', 'postgres'];

/** False for PostgreSQL on a machine where it does not answer (the global setup printed why). */
export function engineRuns(name: EngineName): boolean {
  return name === 'sqlite' || inject('postgresAdminUrl') !== null;
}

/**
 * A freshly migrated database on `name` for the current describe block (a temporary SQLite file, or a throwaway
 * PostgreSQL database), removed after it. Call inside the describe; use the getter inside tests.
 */
export function useMigratedEngine(name: EngineName): () => Engine {
  let engine: Engine | undefined;
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    if (name === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-engine-'));
      const db = openDatabase(path.join(dir, 'db.sqlite'));
      migrate(db);
      engine = sqliteEngine(db);
      cleanup = async () => {
        await engine?.destroy();
        db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      };
      return;
    }
    const adminUrl = inject('postgresAdminUrl');
    if (!adminUrl) throw new Error('PostgreSQL is not available; guard the suite with engineRuns()');
    const database = await createTestDatabase(adminUrl);
    const pool = createPostgresPool(database.url, { max: 4 });
    cleanup = async () => {
      if (engine) await engine.destroy(); // ends the pool
      else await pool.end();
      await database.drop();
    };
    await migratePostgres(pool);
    engine = postgresEngine(pool);
  });
  afterAll(() => cleanup());
  return () => {
    if (!engine) throw new Error('engine not ready: use it inside a test');
    return engine;
  };
}
