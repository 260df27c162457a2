import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-engine-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: '0',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  DATA_KEY: Buffer.alloc(64, 7).toString('base64'),
};

async function exitOf(script: string, args: string[] = []) {
  try {
    await run(TSX, [path.join(ROOT, script), ...args], { cwd: ROOT, env, timeout: 20_000 });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

// The PostgreSQL engine is a port in progress: with DATABASE_URL set, nothing may quietly run on SQLite instead.
describe('with DATABASE_URL set, before the PostgreSQL engine is complete', () => {
  it('the server refuses to start, says why in Chinese, and touches no SQLite file', async () => {
    const res = await exitOf('server/main.ts');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('PostgreSQL 引擎尚未完成');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('the admin command line refuses too', async () => {
    const res = await exitOf('server/cli/admin.ts', ['regions', '--json']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('PostgreSQL 引擎尚未完成');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
