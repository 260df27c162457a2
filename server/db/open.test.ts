import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

function withUmask<T>(mask: number, run: () => T): T {
  const before = process.umask(mask);
  try {
    return run();
  } finally {
    process.umask(before);
  }
}

describe('database files', () => {
  it('are created 0600 (database, WAL and SHM) in a 0700 data folder, even with a permissive umask', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-open-'));
    dirs.push(parent);
    const dataDir = path.join(parent, 'data');
    const file = path.join(dataDir, 'xingfuma.sqlite');
    const db = withUmask(0o000, () => {
      const opened = openDatabase(file);
      opened.exec('CREATE TABLE t (x TEXT); INSERT INTO t VALUES (1);');
      return opened;
    });
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(fs.existsSync(`${file}-shm`)).toBe(true);
    expect(modeOf(dataDir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe(0o600);
    db.close();
  });

  it('tightens a data folder and database an older version left readable to others', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-open-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, 'xingfuma.sqlite');
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o644);
    const db = openDatabase(file);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    db.close();
  });
});
