import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { Store } from '../db/store';
import { createVault, loadKeys } from './crypto';
import { KEY_MESSAGES, keyFits } from './key-check';

const run = promisify(execFile);

class PostgresBackupError extends Error {
  readonly cli = true;
}

/**
 * PostgreSQL's own tools, so a province's DBA can read and restore the file without 幸福码: `pg_dump` in the custom
 * format (compressed, restorable table by table). They must be at least the server's major version (Debian:
 * `apt-get install postgresql-client-15`). The dump holds personal data encrypted, never the key.
 */
export async function backupPostgres(store: Store, url: string, out: string): Promise<{ file: string; bytes: number; cases: number }> {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  try {
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', out, '--dbname', url], { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    throw new PostgresBackupError(`pg_dump 没有成功：${firstLine(err)}`);
  }
  fs.chmodSync(out, 0o600);
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM cases`.execute(store.db);
  return { file: out, bytes: fs.statSync(out).size, cases: Number(rows[0]?.n ?? 0) };
}

/**
 * Restores a dump over the database at `url`, after checking it is a dump of ours and that the key at hand opens it:
 * the key check value is read out of the dump's `settings` table before anything is replaced.
 */
export async function restorePostgres(from: string, url: string, dataDir: string, dataKey?: string): Promise<void> {
  if (!fs.existsSync(from)) throw new PostgresBackupError(`找不到备份文件：${from}`);
  let settingsCopy: string;
  try {
    settingsCopy = (await run('pg_restore', ['--data-only', '--table=settings', '--file=-', from], { maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch {
    throw new PostgresBackupError(`${from} 不是幸福码的 PostgreSQL 备份（pg_dump 自定义格式）`);
  }
  const stored = keyCheckIn(settingsCopy);
  if (stored !== undefined) {
    const keys = loadKeys(dataDir, dataKey, { mayGenerate: false });
    if (!keys) throw new PostgresBackupError(KEY_MESSAGES.backupNoKey);
    const fits = await keyFits({ stored: async () => stored, store: async () => {}, sampleCiphertext: async () => undefined }, createVault(keys));
    if (fits === false) throw new PostgresBackupError(KEY_MESSAGES.backupMismatch);
  }
  try {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', url, from], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    throw new PostgresBackupError(`pg_restore 没有成功，数据库保持原样：${firstLine(err)}`);
  }
}

/** The key check value from `COPY public.settings (key, value) FROM stdin;` text, if the dump has one. */
export function keyCheckIn(copyText: string): string | undefined {
  for (const line of copyText.split('\n')) {
    const [key, value] = line.split('\t');
    if (key === 'key_check' && value !== undefined) return value.replace(/\\(.)/g, (_m, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c));
  }
  return undefined;
}

function firstLine(err: unknown): string {
  const text = (err as { stderr?: string }).stderr || (err as Error).message || String(err);
  return text.trim().split('\n')[0] ?? '';
}
