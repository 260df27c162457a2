import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteEngine } from '../db/engine';
import { ensurePrivateDir, type DB } from '../db/open';
import { createKeyCheckRepository } from '../repositories/key-check';
import { createVault, loadKeys } from './crypto';
import { holdsEncryptedData, KEY_MESSAGES, keyFits } from './key-check';

export const DATABASE_FILE = 'xingfuma.sqlite';

/** SQLite's online backup: consistent while the server keeps writing. */
export async function backupDatabase(db: DB, out: string): Promise<{ file: string; bytes: number; cases: number }> {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await db.backup(out);
  fs.chmodSync(out, 0o600);
  return { file: out, bytes: fs.statSync(out).size, cases: countCases(out) };
}

function countCases(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasCases = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cases'").get();
    return hasCases ? (db.prepare('SELECT count(*) FROM cases').pluck().get() as number) : 0;
  } finally {
    db.close();
  }
}

class RestoreError extends Error {
  readonly cli = true;
}

/** Replaces the database with a backup, after checking the backup is whole and is ours. Server must be stopped. */
export async function restoreDatabase(from: string, dataDir: string, dataKey?: string): Promise<{ cases: number }> {
  if (!fs.existsSync(from)) throw new RestoreError(`找不到备份文件：${from}`);
  let source: Database.Database;
  try {
    source = new Database(from, { readonly: true, fileMustExist: true });
    if (source.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('integrity');
    source.prepare('SELECT count(*) FROM schema_migrations').get();
  } catch {
    throw new RestoreError(`${from} 不是完整的幸福码数据库备份`);
  }
  try {
    // A backup the current key cannot open would restore into a server that cannot read it.
    const engine = sqliteEngine(source);
    try {
      const keyCheck = createKeyCheckRepository(engine);
      if (await holdsEncryptedData(keyCheck)) {
        const keys = loadKeys(dataDir, dataKey, { mayGenerate: false });
        if (!keys) throw new RestoreError(KEY_MESSAGES.backupNoKey);
        if ((await keyFits(keyCheck, createVault(keys))) === false) throw new RestoreError(KEY_MESSAGES.backupMismatch);
      }
    } finally {
      await engine.destroy(); // leaves the connection open: closed below
    }
  } finally {
    source.close();
  }
  const target = path.join(dataDir, DATABASE_FILE);
  const staging = `${target}.restoring`;
  ensurePrivateDir(dataDir);
  fs.copyFileSync(from, staging);
  fs.chmodSync(staging, 0o600);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(staging, target);
  return { cases: countCases(target) };
}
