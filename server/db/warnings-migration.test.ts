import { expect, it } from 'vitest';
import { useMigrateUpTo } from '../../tests/helpers/migrate-up-to';
import { migrate } from './migrate';

const migratedUpTo = useMigrateUpTo();

it('migration 050 rebuilds cases with their rows, timelines and counts intact, and then takes source \'warning\'', () => {
  const db = migratedUpTo('050');
  db.prepare("INSERT INTO regions (code, name, level, parent) VALUES ('330327000000', '苍南县', 'county', NULL), ('330327100000', '灵溪镇', 'township', '330327000000')").run();
  const insertCase = db.prepare(`INSERT INTO cases (township, subject_enc, name_masked, phone_masked, source, level, created_at, updated_at)
    VALUES ('330327100000', x'00', '张*', '138****5678', ?, 'red', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
  const caseId = Number(insertCase.run('self').lastInsertRowid);
  db.prepare("INSERT INTO case_events (case_id, at, type, actor) VALUES (?, '2026-01-01T00:00:00.000Z', 'contact', 'staff:1')").run(caseId);
  expect(() => insertCase.run('warning')).toThrow(/CHECK/);
  const row = db.prepare('SELECT * FROM cases').get();

  expect(migrate(db)).toContain('050_warnings.sql');
  // Later migrations add escalated_at (050) and the generated county (063).
  expect(db.prepare('SELECT * FROM cases').get()).toEqual({ ...(row as object), escalated_at: null, county: '330327000000' });
  expect(db.prepare('SELECT case_id FROM case_events').pluck().all()).toEqual([caseId]);
  // The triggers came back: a new case is counted and ranked, an unknown source still refused.
  const warningId = Number(insertCase.run('warning').lastInsertRowid);
  expect(db.prepare('SELECT level_rank, phone_tail FROM cases WHERE id = ?').get(warningId)).toEqual({ level_rank: 3, phone_tail: '5678' });
  expect(db.prepare("SELECT n FROM case_status_counts WHERE township = '330327100000' AND status = 'new'").pluck().get()).toBe(2);
  expect(() => insertCase.run('rumour')).toThrow(/CHECK/);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
});
