import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runAdmin } from '../../tests/helpers/cli';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/postgres';


/** The admin CLI on PostgreSQL: the same commands, and backup/restore through pg_dump/pg_restore with the key check. */
describe.skipIf(inject('postgresAdminUrl') === null)('admin CLI with DATABASE_URL', () => {
  let database: TestDatabase;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-pgcli-'));
  const dataKey = randomBytes(64).toString('base64');

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl')!);
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const admin = (args: string[], options: { key?: string; stdin?: string } = {}) =>
    runAdmin(args, { DATA_DIR: dataDir, DATABASE_URL: database.url, DATA_KEY: options.key ?? dataKey, LOG_LEVEL: 'silent' }, { stdin: options.stdin, tsx: true, timeout: 60_000 });
  const codes = async () => ((JSON.parse((await admin(['list-qr', '--json'])).stdout) as Array<{ code: string }>).map((e) => e.code));

  it('creates a user in PostgreSQL and lists the demo county’s 幸福码 from it', async () => {
    const created = await admin(['create-user', '--username', 'pg_admin', '--role', 'county_admin', '--password-stdin', '--json'], {
      stdin: 'Ruo-Shui-San-Qian-42\n',
    });
    expect(created.code, created.stderr).toBe(0);
    expect((await codes()).length).toBeGreaterThan(0);
    const again = await admin(['create-user', '--username', 'pg_admin', '--role', 'county_admin', '--password-stdin'], { stdin: 'Ruo-Shui-San-Qian-43\n' });
    expect(again.code).toBe(1);
  }, 120_000);

  it('backs up with pg_dump; a restore with another key is refused before anything is replaced; the right key restores', async () => {
    // Any command that opens the vault records the key check value, which a restore then tests the key against.
    expect((await admin(['redact-closed', '--json'])).code).toBe(0);
    const out = path.join(dataDir, 'province.dump');
    const backup = await admin(['backup', '--out', out, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    expect((fs.statSync(out).mode & 0o777).toString(8)).toBe('600');

    const before = await codes();
    const township = (JSON.parse((await admin(['list-qr', '--json'])).stdout) as Array<{ township: string }>)[0]!.township;
    const added = await admin(['create-qr', '--township', township, '--label', '备份之后', '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(await codes()).toHaveLength(before.length + 1);

    const wrongKey = await admin(['restore', '--from', out, '--confirm'], { key: randomBytes(64).toString('base64') });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toContain('另一把密钥');
    expect(await codes()).toHaveLength(before.length + 1);

    const restored = await admin(['restore', '--from', out, '--confirm', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect((await codes()).sort()).toEqual([...before].sort());
  }, 180_000);
});
