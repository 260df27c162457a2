import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import { buildTestApp, firstActiveEntry, type TestApp } from '../../tests/helpers/test-app';
import { backupDatabase, DATABASE_FILE, restoreDatabase } from './backup';
import { KEY_MESSAGES } from './key-check';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-keycheck-'));
const newKey = () => randomBytes(64).toString('base64');
let t: TestApp;
let backup: string;

beforeAll(async () => {
  t = await buildTestApp();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/requests',
    payload: { requestId: randomUUID(), entryCode: (await firstActiveEntry(t.app)).code, answers: HARDSHIP_ANSWERS, person: { name: '钥匙测试', phone: '13957711111' }, consent: true },
  });
  expect(res.statusCode).toBe(201);
  backup = path.join(work, 'backup.sqlite');
  await backupDatabase(t.app.sqlite!, backup);
  await t.app.close();
});
afterAll(() => {
  fs.rmSync(t.dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

function dataDirWith(key: string | null): string {
  const dir = fs.mkdtempSync(path.join(work, 'data-'));
  if (key !== null) fs.writeFileSync(path.join(dir, 'secret.key'), key, { mode: 0o600 });
  return dir;
}

describe('key check value', () => {
  it('is stored in the database on first start', () => {
    const db = new Database(backup, { readonly: true });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'key_check'").pluck().get()).toMatch(/"c":/);
    db.close();
  });

  it('restore refuses a backup the current key cannot open, and leaves the database alone', async () => {
    const dir = dataDirWith(newKey());
    await expect(restoreDatabase(backup, dir)).rejects.toThrow(KEY_MESSAGES.backupMismatch);
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(false);
    await expect(restoreDatabase(backup, dataDirWith(null))).rejects.toThrow(KEY_MESSAGES.backupNoKey);
    await expect(restoreDatabase(backup, dataDirWith(null), newKey())).rejects.toThrow(KEY_MESSAGES.backupMismatch);
  });

  it('restore accepts the backup with its own key', async () => {
    const dir = dataDirWith(fs.readFileSync(path.join(t.dataDir, 'secret.key'), 'utf8'));
    expect(await restoreDatabase(backup, dir)).toEqual({ cases: 1 });
  });

  it('the app refuses a database encrypted under another key, and never makes a key over existing data', async () => {
    const wrong = dataDirWith(newKey());
    fs.copyFileSync(backup, path.join(wrong, DATABASE_FILE));
    await expect(buildTestApp({ dataDir: wrong })).rejects.toThrow(KEY_MESSAGES.mismatch);

    const keyless = dataDirWith(null);
    fs.copyFileSync(backup, path.join(keyless, DATABASE_FILE));
    await expect(buildTestApp({ dataDir: keyless })).rejects.toThrow(KEY_MESSAGES.missing);
    expect(fs.existsSync(path.join(keyless, 'secret.key'))).toBe(false);
  });

  it('the server exits 1 with a Chinese message instead of starting with the wrong key', async () => {
    const wrong = dataDirWith(newKey());
    fs.copyFileSync(backup, path.join(wrong, DATABASE_FILE));
    const run = promisify(execFile);
    const failed = (await run(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'server', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: wrong, PORT: '0', LOG_LEVEL: 'silent' },
      timeout: 30_000,
    }).catch((err: unknown) => err)) as { code: number; stderr: string };
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('无法启动：数据库里的个人信息是用另一把密钥加密的');
  }, 40_000);
});
