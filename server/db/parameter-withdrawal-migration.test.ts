import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../paths';
import { migrate } from './migrate';
import { openDatabase } from './open';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

it('migration 023 keeps versions saved before it, standing, and their ids', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-migrate-023-'));
  dirs.push(dir);
  const before = path.join(dir, 'before');
  fs.mkdirSync(before);
  for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '023')) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(before, file));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  migrate(db, before);
  db.prepare("INSERT INTO parameter_versions (id, effective_from, values_json, source, created_by) VALUES (7, '2031-01-01', '{}', '苍民〔2030〕1 号', 'county')").run();

  expect(migrate(db)).toContain('023_parameter_version_withdrawal.sql');
  expect(db.prepare('SELECT id, effective_from, source, withdrawn_at FROM parameter_versions').all()).toEqual([
    { id: 7, effective_from: '2031-01-01', source: '苍民〔2030〕1 号', withdrawn_at: null },
  ]);
  // Two standing versions on one day are still refused.
  expect(() => db.prepare("INSERT INTO parameter_versions (effective_from, values_json, source, created_by) VALUES ('2031-01-01', '{}', 'x', 'y')").run()).toThrow(/UNIQUE/);
  db.close();
});
