import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../paths';
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

  it('rebuild staff_users for partners (040) keeping accounts, their sessions and the cases assigned to them', () => {
    const db = tempDb();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-mig-040-'));
    dirs.push(dir);
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql') && n < '040')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    migrate(db, dir);
    db.exec(`INSERT INTO regions (code, name, level) VALUES ('330327000000', '苍南县', 'county');
      INSERT INTO regions (code, name, level, parent) VALUES ('330327100000', '灵溪镇', 'township', '330327000000');
      INSERT INTO staff_users (id, username, password_hash, role, township) VALUES (7, 'lx', 'h', 'township_staff', '330327100000');
      INSERT INTO sessions (id, user_id, csrf_token) VALUES ('s1', 7, 'c');
      INSERT INTO cases (township, subject_enc, name_masked, source, level, assignee_id, created_at, updated_at)
        VALUES ('330327100000', x'00', '张*', 'self', 'red', 7, 'now', 'now');`);
    expect(migrate(db)).toContain('040_resources_referrals.sql');
    expect(db.prepare('SELECT user_id FROM sessions').pluck().all()).toEqual([7]);
    expect(db.prepare('SELECT assignee_id FROM cases').pluck().all()).toEqual([7]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // A partner must be bound to a resource, and only a partner may be.
    expect(() => db.prepare("INSERT INTO staff_users (username, password_hash, role) VALUES ('p', 'h', 'partner')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('refuse a foreign-keys-off migration that leaves dangling references', () => {
    const db = tempDb();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-mig-src-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, '001_ok.sql'), 'CREATE TABLE a (x INTEGER PRIMARY KEY); CREATE TABLE b (a INTEGER REFERENCES a(x));');
    fs.writeFileSync(path.join(dir, '002_bad.sql'), '-- foreign_keys: off\nINSERT INTO b VALUES (42);');
    expect(() => migrate(db, dir)).toThrow(/pointing at nothing/);
    expect(db.prepare('SELECT count(*) FROM b').pluck().get()).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
