import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { sql, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fakeIdNumber as id } from '../../tests/helpers/people';
import { runAdmin } from '../../tests/helpers/cli';
import { useCliDataDir, wrongCheckIdNumber as wrongCheck, writeCsv, writeXlsx } from '../../tests/helpers/csv-fixtures';
import { withDatabaseOf } from '../../tests/helpers/data-dir-database';

const dataDir = useCliDataDir('signals');
const admin = (args: string[]) => runAdmin(args, { DATA_DIR: dataDir });

function query<T>(statement: RawBuilder<T>): Promise<T[]> {
  return withDatabaseOf({ dataDir }, async (db) => (await statement.execute(db)).rows);
}

describe('npm run admin -- import-signals', () => {
  const csv = writeCsv(dataDir, '医保.csv', [
    ['身份证号', '姓名', '区划代码', '自付金额', '期间起', '期间止'],
    [id('33032719750101011'), '王一', '330327104201', '35,000', '2026-01-01', '2026-06-30'],
    [id('33032719750101012'), '王二', '330327100000', '8000', '2026-01-01', '2026-06-30'],
    [wrongCheck('33032719750101013'), '王三', '330327100000', '50000', '2026-01-01', '2026-06-30'],
    [id('33032719750101014'), '王四', '330327999999', '50000', '2026-01-01', '2026-06-30'],
    ['', '王五', '330327100000', '50000', '2026-01-01', '2026-06-30'],
  ]);

  it('raises one warning per person and signal, reports bad rows in Chinese, audits the file hash, and the same file again raises nothing', async () => {
    const first = await admin(['import-signals', '--source', 'medical', '--file', csv, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      rows: 5,
      matched: 0,
      warnings: 1,
      duplicates: 0,
      rejected: [
        { row: 4, reason: '身份证号码有一位不对，请对照身份证再核对一遍' },
        { row: 5, reason: '本县没有区划代码 330327999999' },
        { row: 6, reason: '没有填身份证号' },
      ],
    });
    const cases = await query(sql<{ source: string; township: string; target_class: string; level: string }>`SELECT source, township, target_class, level FROM cases`);
    expect(cases).toEqual([{ source: 'warning', township: '330327104000', target_class: 'missing', level: 'yellow' }]);
    // Nothing of the department's list in plain text: not the name, not the ID number.
    expect(JSON.stringify(await query(sql`SELECT * FROM cases`))).not.toContain('33032719750101011');

    const again = await admin(['import-signals', '--source', 'medical', '--file', csv, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 5, warnings: 0, duplicates: 1 });
    expect(await query(sql`SELECT id FROM cases`)).toHaveLength(1);

    // Each CLI import is a job row too, so the county's page lists it beside the web imports.
    const fileHash = createHash('sha256').update(fs.readFileSync(csv)).digest('hex');
    const jobs = await query(
      sql<{ actor: string; file_name: string; file_hash: string; status: string; row_count: number; warnings: number; duplicates: number; rejected: number }>`
        SELECT actor, file_name, file_hash, status, row_count, warnings, duplicates, rejected FROM signal_imports ORDER BY id`,
    );
    expect(jobs.map((j) => ({ ...j, row_count: Number(j.row_count), warnings: Number(j.warnings), duplicates: Number(j.duplicates), rejected: Number(j.rejected) }))).toEqual([
      { actor: 'cli', file_name: '医保.csv', file_hash: fileHash, status: 'done', row_count: 5, warnings: 1, duplicates: 0, rejected: 3 },
      { actor: 'cli', file_name: '医保.csv', file_hash: fileHash, status: 'done', row_count: 5, warnings: 0, duplicates: 1, rejected: 3 },
    ]);

    const audit = await query(sql<{ actor: string; detail: string }>`SELECT actor, detail FROM audit_log WHERE action = 'warnings.import' ORDER BY id`);
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.detail)).toEqual({
      source: 'medical',
      file: '医保.csv',
      fileHash: createHash('sha256').update(fs.readFileSync(csv)).digest('hex'),
      rows: 5,
      matched: 0,
      warnings: 1,
      duplicates: 0,
      rejected: 3,
    });
  });

  it('reads XLSX with the same reader as the register, and refuses a file missing a source\'s column', async () => {
    const xlsx = await writeXlsx(dataDir, '死亡.xlsx', '死亡', [
      ['姓名', '身份证号', '区划代码', '死亡日期', '年龄'],
      ['赵一', id('33032719800101021'), '330327105000', new Date(Date.UTC(2026, 9, 1)), 45],
    ]);
    const res = await admin(['import-signals', '--source', 'death', '--file', xlsx]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('共 1 行：对上在册或在办 0 人，新预警 1 条，已预警过 0 条，未导入 0 行');

    const missing = await admin(['import-signals', '--source', 'death', '--file', csv, '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('缺少这些列：死亡日期、年龄');
    // Refused, it still shows in the county's history, with the reason.
    const refused = await query(sql<{ actor: string; status: string; message: string }>`SELECT actor, status, message FROM signal_imports WHERE status = 'failed'`);
    expect(refused).toEqual([{ actor: 'cli', status: 'failed', message: '第 1 行（表头）缺少这些列：死亡日期、年龄' }]);
    const unknown = await admin(['import-signals', '--source', 'tax', '--file', csv]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('--source 只能是');
  });

  it('prints progress on stderr above 2,000 rows, stdout staying one JSON document', async () => {
    const many = writeCsv(dataDir, '残联.csv', [
      ['身份证号', '姓名', '区划代码', '残疾类别', '残疾等级', '发证日期'],
      ...Array.from({ length: 2100 }, (_, n) => [id(`3303271990${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`), `残${n}`, '330327100000', '肢体', '三级', '2026-09-01']),
    ]);
    const res = await admin(['import-signals', '--source', 'disability', '--file', many, '--json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ rows: 2100, warnings: 0 });
    expect(res.stderr).toContain('已处理 2100 / 2100 行');
  });

  it('imports for the county named by --county (the only one by default), and refuses a county the regions do not hold', async () => {
    const counties = await query(sql<{ county: string | null }>`SELECT DISTINCT county FROM signal_imports`);
    expect(counties).toEqual([{ county: '330327000000' }]);
    const unknown = await admin(['import-signals', '--source', 'medical', '--file', csv, '--county', '330399000000', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('没有这个县（市、区）代码：330399000000');
    expect((await admin(['import-signals', '--source', 'medical', '--file', csv, '--county', '330327000000', '--json'])).code).toBe(0);
  });
});
