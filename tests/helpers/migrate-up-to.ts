import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { DB } from '../../server/db/open';
import { migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open';
import { MIGRATIONS_DIR } from '../../server/paths';

/**
 * For testing one SQLite migration on data saved before it: `upTo('050')` opens a throwaway database migrated
 * only up to (not including) migration 050; the test writes its rows, then calls `migrate(db)` for the rest.
 * Call at the top of the test file; the databases are removed after each test.
 */
export function useMigrateUpTo(): (number: string) => DB {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  return (number) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xfm-migrate-${number}-`));
    dirs.push(dir);
    const before = path.join(dir, 'before');
    fs.mkdirSync(before);
    for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < number)) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(before, file));
    const db = openDatabase(path.join(dir, 'db.sqlite'));
    migrate(db, before);
    return db;
  };
}
