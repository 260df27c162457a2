import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { sqliteEngine } from '../db/engine';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { createStore } from '../db/store';
import { ensureInitialAdmin, loadDemoCounty, settleCountylessRows } from './bootstrap';
import { isEntryCodeShape } from './entry-codes';
import { verifyPassword } from './passwords';

const dirs: string[] = [];
function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-boot-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  migrate(db);
  const store = createStore(sqliteEngine(db), 'sqlite');
  return { dir, db, store, repos: store.repos };
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('first start', () => {
  it('loads a county with ≥3 townships, ≥2 villages each, and one active code per township — once', async () => {
    const { db, store, repos } = setup();
    expect(await loadDemoCounty(store)).toBe(true);
    const regions = await repos.regions.list();
    const townships = regions.filter((r) => r.level === 'township');
    expect(regions.filter((r) => r.level === 'county')).toHaveLength(1);
    expect(townships.length).toBeGreaterThanOrEqual(3);
    for (const township of townships) {
      expect(township.code).toMatch(/^\d{9}000$/);
      const villages = regions.filter((r) => r.parent === township.code);
      expect(villages.length).toBeGreaterThanOrEqual(2);
      villages.forEach((v) => expect(v.code.slice(0, 9)).toBe(township.code.slice(0, 9)));
    }
    const entries = await repos.entries.list();
    expect(new Set(entries.map((e) => e.township))).toEqual(new Set(townships.map((t) => t.code)));
    entries.forEach((e) => expect(isEntryCodeShape(e.code)).toBe(true));

    expect(await loadDemoCounty(store)).toBe(false);
    expect(await repos.regions.list()).toHaveLength(regions.length);
    expect(await repos.entries.list()).toHaveLength(entries.length);
    db.close();
  });

  it('creates the admin once with a random password in a 0600 file', async () => {
    const { dir, db, store, repos } = setup();
    const admin = await ensureInitialAdmin(store, dir);
    expect(admin?.generated).toBe(true);
    const file = path.join(dir, 'initial-admin.txt');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain(admin!.password);
    const user = (await repos.users.findByUsername('admin'))!;
    expect(user.role).toBe('county_admin');
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword(admin!.password, user.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong-password', user.passwordHash)).toBe(false);

    expect(await ensureInitialAdmin(store, dir)).toBeNull();
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM staff_users`.execute(store.db)).rows[0]!.n).toBe(1);
    db.close();
  });

  it('uses ADMIN_PASSWORD when given and writes no file', async () => {
    const { dir, db, store, repos } = setup();
    const admin = await ensureInitialAdmin(store, dir, 'a-long-admin-password');
    expect(admin?.generated).toBe(false);
    expect(fs.existsSync(path.join(dir, 'initial-admin.txt'))).toBe(false);
    const user = (await repos.users.findByUsername('admin'))!;
    expect(await verifyPassword('a-long-admin-password', user.passwordHash)).toBe(true);
    // Whoever set ADMIN_PASSWORD is not the admin: the password is temporary.
    expect(user.mustChangePassword).toBe(true);
    db.close();
  });

  it('gives the admin made before any region existed the county once the regions hold one (#16)', async () => {
    const { dir, db, store, repos } = setup();
    await ensureInitialAdmin(store, dir, 'a-long-admin-password');
    await repos.resources.create({ kind: 'organisation', name: '慈善总会', township: null, serviceTypes: ['助学'], contact: null, capacity: null }, 'admin', '2026-11-01T00:00:00.000Z');
    expect((await repos.users.findByUsername('admin'))?.county).toBeNull();
    await settleCountylessRows(store);
    expect((await repos.users.findByUsername('admin'))?.county).toBeNull();

    await loadDemoCounty(store);
    await repos.users.create({ username: 'sheng', passwordHash: 'h', role: 'province_admin', township: null, mustChangePassword: false });
    await settleCountylessRows(store);
    const county = (await repos.regions.list()).find((r) => r.level === 'county')!.code;
    expect((await repos.users.findByUsername('admin'))?.county).toBe(county);
    expect((await repos.resources.list())[0]?.county).toBe(county);
    expect((await repos.users.findByUsername('sheng'))?.county).toBeNull();
    db.close();
  });
});
