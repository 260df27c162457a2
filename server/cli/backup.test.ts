import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { submitRequest } from '../../tests/helpers/submissions';
import { buildTestApp } from '../../tests/helpers/test-app';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-backup-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function admin(dataDir: string, args: string[]) {
  return run(TSX, [path.join(ROOT, 'server', 'cli', 'admin.ts'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } });
}

describe('backup and restore', () => {
  it('backs up while the app holds the database open, and a restore brings back every case', async () => {
    const t = await buildTestApp();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await submitRequest(t.app)).trackingCode);
    }
    const file = path.join(work, 'backup.sqlite');
    const { stdout } = await admin(t.dataDir, ['backup', '--out', file, '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ cases: 5 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const key = fs.readFileSync(path.join(t.dataDir, 'secret.key'));
    await t.app.close();

    // A new machine: empty data folder, the saved key, then restore.
    const fresh = path.join(work, 'fresh');
    fs.mkdirSync(fresh);
    fs.writeFileSync(path.join(fresh, 'secret.key'), key, { mode: 0o600 });
    const refused = await admin(fresh, ['restore', '--from', file]).catch((err: { code: number; stderr: string }) => err);
    expect((refused as { code: number }).code).toBe(2);
    const restored = await admin(fresh, ['restore', '--from', file, '--confirm', '--json']);
    expect(JSON.parse(restored.stdout)).toEqual({ cases: 5 });

    const back = await buildTestApp({ dataDir: fresh });
    for (const code of codes) {
      const res = await back.app.inject({ method: 'GET', url: `/api/track/${code}` });
      expect(res.statusCode).toBe(200);
    }
    await back.close();
    fs.rmSync(t.dataDir, { recursive: true, force: true });
  }, 60_000);

  it('refuses a file that is not a backup', async () => {
    const bogus = path.join(work, 'bogus.sqlite');
    fs.writeFileSync(bogus, 'not a database');
    const err = (await admin(path.join(work, 'x'), ['restore', '--from', bogus, '--confirm']).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('不是完整的幸福码数据库备份');
  });
});
