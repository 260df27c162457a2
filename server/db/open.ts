import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type DB = Database.Database;

/** The data folder: only the service's own account may enter it (0700), created so if missing. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/**
 * The database file readable by the service's account only (0600). SQLite gives its -wal and -shm
 * files the mode of the database file, so creating that file 0600 first covers all three; the chmod
 * afterwards also tightens files an older version left readable to others.
 */
function makePrivate(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      fs.chmodSync(`${file}${suffix}`, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/** Opens (creating if needed) the SQLite file with the settings every connection must share. */
export function openDatabase(file: string): DB {
  ensurePrivateDir(path.dirname(file));
  makePrivate(file);
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
  makePrivate(file);
  return db;
}
