import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { openDatabase } from './open';

const dirs: string[] = [];
function tempDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-migrate-'));
  dirs.push(dir);
  return openDatabase(path.join(dir, 'db.sqlite'));
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('migrations', () => {
  it('apply once, are recorded, and a second run applies nothing', () => {
    const db = tempDb();
    const first = migrate(db);
    expect(first[0]).toBe('001_foundation.sql');
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(first.length);
    db.close();
  });

  it('run in WAL mode with foreign keys on', () => {
    const db = tempDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('roll back a failing migration whole', () => {
    const db = tempDb();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-mig-src-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, '001_ok.sql'), 'CREATE TABLE a (x INTEGER);');
    fs.writeFileSync(path.join(dir, '002_broken.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);');
    expect(() => migrate(db, dir)).toThrow();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toContain('a');
    expect(tables).not.toContain('b');
    expect(db.prepare('SELECT id FROM schema_migrations').pluck().all()).toEqual(['001_ok.sql']);
    db.close();
  });

  it('keep the audit log append-only', () => {
    const db = tempDb();
    migrate(db);
    db.prepare("INSERT INTO audit_log (actor, action) VALUES ('admin', 'case.reveal')").run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });
});
