import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type DB = Database.Database;

/** Opens (creating if needed) the SQLite file with the settings every connection must share. */
export function openDatabase(file: string): DB {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged submission must survive power loss, not just a process crash;
  // the cost is one extra fsync per commit, cheap next to a resident's network round trip.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Freed pages are zeroed, so redacted or replaced personal data does not linger in the file.
  db.pragma('secure_delete = ON');
  // The admin CLI writes to the same file while the server runs; wait rather than fail.
  db.pragma('busy_timeout = 5000');
  return db;
}
