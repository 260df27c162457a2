import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../tests/helpers/postgres';
import { MIGRATIONS_DIR } from '../paths';
import { createPostgresPool } from './engine';
import { migratePostgres } from './migrate-postgres';

const COUNTY = '330327000000';
const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The migrations before `number` (shared and pg/ twins), as a database saved before it had them. */
function migrationsBefore(number: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xfm-pg-before-${number}-`));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'pg'));
  for (const sub of ['', 'pg']) {
    for (const file of fs.readdirSync(path.join(MIGRATIONS_DIR, sub)).filter((f) => f.endsWith('.sql') && f < number)) {
      fs.copyFileSync(path.join(MIGRATIONS_DIR, sub, file), path.join(dir, sub, file));
    }
  }
  return dir;
}

describe.skipIf(inject('postgresAdminUrl') === null)('migrations 068 and 069 on a PostgreSQL database saved before them', () => {
  it('keep the policy library province-wide and give the kept warning-rule figures the only county', async () => {
    const database = await createTestDatabase(inject('postgresAdminUrl')!);
    const pool = createPostgresPool(database.url, { max: 1 });
    try {
      await migratePostgres(pool, migrationsBefore('068'));
      await pool.query(`INSERT INTO regions (code, name, level, parent) VALUES ('${COUNTY}', '苍南县', 'county', NULL)`);
      await pool.query("INSERT INTO policies (id, position, data_json, updated_by) VALUES ('dibao', 0, '{}', 'admin'), ('tekun', 1, '{}', NULL)");
      await pool.query("INSERT INTO warning_rule_figures (source, import_id, figures_json, saved_at) VALUES ('death', NULL, '{}', 't')");

      expect(await migratePostgres(pool)).toEqual(expect.arrayContaining(['068_policies_by_county.sql', '069_warning_figures_by_county.sql']));
      expect((await pool.query('SELECT id, updated_by, county FROM policies ORDER BY position')).rows).toEqual([
        { id: 'dibao', updated_by: 'admin', county: null },
        { id: 'tekun', updated_by: null, county: null },
      ]);
      expect((await pool.query('SELECT county, source FROM warning_rule_figures')).rows).toEqual([{ county: COUNTY, source: 'death' }]);
      // One entry per id in each county and one province-wide; one figures row per county and source.
      await pool.query(`INSERT INTO policies (id, position, data_json, county) VALUES ('dibao', 0, '{}', '${COUNTY}')`);
      await expect(pool.query(`INSERT INTO policies (id, position, data_json, county) VALUES ('dibao', 0, '{}', '${COUNTY}')`)).rejects.toThrow(/unique/i);
      await expect(pool.query("INSERT INTO policies (id, position, data_json) VALUES ('dibao', 0, '{}')")).rejects.toThrow(/unique/i);
      await pool.query("INSERT INTO warning_rule_figures (county, source, figures_json, saved_at) VALUES ('330326000000', 'death', '{}', 't')");
      await expect(pool.query(`INSERT INTO warning_rule_figures (county, source, figures_json, saved_at) VALUES ('${COUNTY}', 'death', '{}', 't')`)).rejects.toThrow(/unique/i);
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
