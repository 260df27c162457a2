import { expect, it } from 'vitest';
import { useMigrateUpTo } from '../../tests/helpers/migrate-up-to';
import { migrate } from './migrate';

const migratedUpTo = useMigrateUpTo();
const COUNTY = '330327000000';
const LINGXI = '330327100000';

it('migration 063 gives an existing single-county database its county everywhere, keeping every account and row', () => {
  const db = migratedUpTo('063');
  db.prepare(`INSERT INTO regions (code, name, level, parent) VALUES ('${COUNTY}', '苍南县', 'county', NULL), ('${LINGXI}', '灵溪镇', 'township', '${COUNTY}')`).run();
  const user = db.prepare("INSERT INTO staff_users (username, password_hash, role, township) VALUES (?, 'h', ?, ?)");
  const admin = Number(user.run('admin', 'county_admin', null).lastInsertRowid);
  user.run('lx01', 'township_staff', LINGXI);
  user.run('kan', 'viewer', null);
  db.prepare("INSERT INTO sessions (id, user_id, csrf_token) VALUES ('s1', ?, 'c')").run(admin);
  const caseId = Number(
    db
      .prepare(`INSERT INTO cases (township, subject_enc, name_masked, source, level, created_at, updated_at, assignee_id)
        VALUES ('${LINGXI}', x'00', '张*', 'self', 'red', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?)`)
      .run(admin).lastInsertRowid,
  );
  db.prepare(`INSERT INTO resources (kind, name, township) VALUES ('service', '全县助餐', NULL), ('station', '灵溪社工站', '${LINGXI}')`).run();
  db.prepare("INSERT INTO signal_imports (source, file_name, file_hash, actor, status, created_at, updated_at) VALUES ('death', 'a.csv', 'h', 'admin', 'done', 't', 't')").run();

  expect(migrate(db)).toContain('063_county_tenancy.sql');
  expect(db.prepare('SELECT username, role, township, county FROM staff_users ORDER BY id').all()).toEqual([
    { username: 'admin', role: 'county_admin', township: null, county: COUNTY },
    { username: 'lx01', role: 'township_staff', township: LINGXI, county: COUNTY },
    { username: 'kan', role: 'viewer', township: null, county: COUNTY },
  ]);
  // The rebuild kept the sessions and the cases pointing at the accounts.
  expect(db.prepare('SELECT user_id FROM sessions').pluck().all()).toEqual([admin]);
  expect(db.prepare('SELECT id, assignee_id, county FROM cases').all()).toEqual([{ id: caseId, assignee_id: admin, county: COUNTY }]);
  expect(db.prepare('SELECT county FROM resources').pluck().all()).toEqual([COUNTY, COUNTY]);
  expect(db.prepare('SELECT county FROM signal_imports').pluck().all()).toEqual([COUNTY]);
  // The county follows the township, and a county-wide read of the queue uses its own index.
  db.prepare(`INSERT INTO regions (code, name, level, parent) VALUES ('330326000000', '平阳县', 'county', NULL), ('330326100000', '昆阳镇', 'township', '330326000000')`).run();
  db.prepare("UPDATE cases SET township = '330326100000'").run();
  expect(db.prepare('SELECT county FROM cases').pluck().get()).toBe('330326000000');
  const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM cases WHERE county = ? AND closed_at IS NULL ORDER BY level_rank DESC, due_at, id LIMIT 20").all(COUNTY);
  expect(JSON.stringify(plan)).toMatch(/cases_county_open_queue/);
  // A province admin has neither county nor township; every other role still follows the old rules.
  user.run('sheng', 'province_admin', null);
  expect(() => db.prepare(`INSERT INTO staff_users (username, password_hash, role, county) VALUES ('x', 'h', 'province_admin', '${COUNTY}')`).run()).toThrow(/CHECK/);
  expect(() => user.run('y', 'township_staff', null)).toThrow(/CHECK/);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
});

it('migration 064 gives each audit entry its actor\'s county, else the only county, and keeps the log append-only', () => {
  const db = migratedUpTo('064');
  db.prepare(`INSERT INTO regions (code, name, level, parent) VALUES ('${COUNTY}', '苍南县', 'county', NULL), ('${LINGXI}', '灵溪镇', 'township', '${COUNTY}')`).run();
  db.prepare("INSERT INTO staff_users (username, password_hash, role, township, county) VALUES ('LX01', 'h', 'township_staff', ?, ?), ('sheng', 'h', 'province_admin', NULL, NULL)").run(LINGXI, COUNTY);
  db.prepare("INSERT INTO audit_log (actor, action) VALUES ('lx01', 'case.claim'), ('cli', 'user.create'), ('gone', 'case.reveal')").run();

  expect(migrate(db)).toContain('064_audit_county.sql');
  // Usernames match without regard to case, as at sign-in; the command line and unknown actors get the only county.
  expect(db.prepare('SELECT actor, county FROM audit_log ORDER BY id').all()).toEqual([
    { actor: 'lx01', county: COUNTY },
    { actor: 'cli', county: COUNTY },
    { actor: 'gone', county: COUNTY },
  ]);
  expect(() => db.prepare("UPDATE audit_log SET county = NULL").run()).toThrow(/append-only/);
  const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM audit_log WHERE county = ? ORDER BY id DESC LIMIT 50').all(COUNTY);
  expect(JSON.stringify(plan)).toMatch(/audit_log_county/);
  db.close();
});

it('migration 065 keeps the warning-rule versions saved before as province-wide, append-only, one per day per county', () => {
  const db = migratedUpTo('065');
  db.prepare("INSERT INTO warning_rule_versions (effective_from, values_json, source, created_at, created_by) VALUES ('2026-01-01', '{}', '会议', 't', 'admin')").run();

  expect(migrate(db)).toContain('065_warning_rules_by_county.sql');
  expect(db.prepare('SELECT effective_from, source, county FROM warning_rule_versions').all()).toEqual([{ effective_from: '2026-01-01', source: '会议', county: null }]);
  expect(() => db.prepare("UPDATE warning_rule_versions SET source = '改过'").run()).toThrow(/append-only/);
  expect(() => db.prepare('DELETE FROM warning_rule_versions').run()).toThrow(/append-only/);
  const add = db.prepare("INSERT INTO warning_rule_versions (effective_from, values_json, source, created_at, created_by, county) VALUES ('2027-01-01', '{}', 's', 't', 'a', ?)");
  add.run(COUNTY);
  add.run('330326000000');
  expect(() => add.run(COUNTY)).toThrow(/UNIQUE/);
  expect(() => db.prepare("INSERT INTO warning_rule_versions (effective_from, values_json, source, created_at, created_by) VALUES ('2026-01-01', '{}', 'x', 't', 'a')").run()).toThrow(/UNIQUE/);
  db.close();
});

it('migration 068 keeps the policy library as province-wide entries, one per id, and lets each county keep its own', () => {
  const db = migratedUpTo('068');
  db.prepare("INSERT INTO policies (id, position, data_json, updated_by) VALUES ('dibao', 0, '{\"id\":\"dibao\"}', 'admin'), ('tekun', 1, '{\"id\":\"tekun\"}', NULL)").run();

  expect(migrate(db)).toContain('068_policies_by_county.sql');
  expect(db.prepare('SELECT id, position, updated_by, county FROM policies ORDER BY position').all()).toEqual([
    { id: 'dibao', position: 0, updated_by: 'admin', county: null },
    { id: 'tekun', position: 1, updated_by: null, county: null },
  ]);
  const add = db.prepare("INSERT INTO policies (id, position, data_json, county) VALUES ('dibao', 0, '{}', ?)");
  add.run(COUNTY);
  add.run('330326000000');
  expect(() => add.run(COUNTY)).toThrow(/UNIQUE/);
  expect(() => add.run(null)).toThrow(/UNIQUE/);
  db.close();
});

it('migration 069 gives the kept warning-rule figures the only county, and each county its own per source', () => {
  const db = migratedUpTo('069');
  db.prepare(`INSERT INTO regions (code, name, level, parent) VALUES ('${COUNTY}', '苍南县', 'county', NULL)`).run();
  db.prepare("INSERT INTO warning_rule_figures (source, import_id, figures_json, saved_at) VALUES ('death', NULL, '{}', 't'), ('medical', NULL, '{}', 't')").run();

  expect(migrate(db)).toContain('069_warning_figures_by_county.sql');
  expect(db.prepare('SELECT county, source FROM warning_rule_figures ORDER BY source').all()).toEqual([
    { county: COUNTY, source: 'death' },
    { county: COUNTY, source: 'medical' },
  ]);
  const add = db.prepare("INSERT INTO warning_rule_figures (county, source, figures_json, saved_at) VALUES (?, 'death', '{}', 't')");
  add.run('330326000000');
  add.run(null);
  expect(() => add.run(COUNTY)).toThrow(/UNIQUE/);
  expect(() => add.run(null)).toThrow(/UNIQUE/);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
});
