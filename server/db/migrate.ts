import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../paths';
import type { DB } from './open';


/**
 * A migration that rebuilds a table others point at (SQLite cannot widen a CHECK in place) starts with this line:
 * it then runs with foreign keys off and must leave no dangling reference (SQLite's 12-step ALTER TABLE recipe).
 */
const FOREIGN_KEYS_OFF = /^-- foreign_keys: off\r?\n/;

/** Applies every numbered `NNN_name.sql` not yet recorded, each in its own transaction. */
export function migrate(db: DB, dir = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  )`);
  const applied = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as string[]);
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const record = db.prepare('INSERT INTO schema_migrations (id) VALUES (?)');
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    const keysOff = FOREIGN_KEYS_OFF.test(sql);
    // The pragma is a no-op inside a transaction, so it is switched around it.
    if (keysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(sql);
        if (keysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error(`${file} leaves rows pointing at nothing`);
        record.run(file);
      }).immediate();
    } finally {
      if (keysOff) db.pragma('foreign_keys = ON');
    }
    done.push(file);
  }
  return done;
}
