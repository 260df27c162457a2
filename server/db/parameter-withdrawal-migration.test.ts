import { expect, it } from 'vitest';
import { useMigrateUpTo } from '../../tests/helpers/migrate-up-to';
import { migrate } from './migrate';

const migratedUpTo = useMigrateUpTo();

it('migration 023 keeps versions saved before it, standing, and their ids', () => {
  const db = migratedUpTo('023');
  db.prepare("INSERT INTO parameter_versions (id, effective_from, values_json, source, created_by) VALUES (7, '2031-01-01', '{}', '苍民〔2030〕1 号', 'county')").run();

  expect(migrate(db)).toContain('023_parameter_version_withdrawal.sql');
  expect(db.prepare('SELECT id, effective_from, source, withdrawn_at FROM parameter_versions').all()).toEqual([
    { id: 7, effective_from: '2031-01-01', source: '苍民〔2030〕1 号', withdrawn_at: null },
  ]);
  // Two standing versions on one day are still refused.
  expect(() => db.prepare("INSERT INTO parameter_versions (effective_from, values_json, source, created_by) VALUES ('2031-01-01', '{}', 'x', 'y')").run()).toThrow(/UNIQUE/);
  db.close();
});
