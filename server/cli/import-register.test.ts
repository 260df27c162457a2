import { describe, expect, it } from 'vitest';
import { fakeIdNumber as id } from '../../tests/helpers/people';
import { runAdmin } from '../../tests/helpers/cli';
import { useCliDataDir, wrongCheckIdNumber as wrongCheck, writeCsv, writeXlsx } from '../../tests/helpers/csv-fixtures';
import { withStoreOf } from '../../tests/helpers/data-dir-database';

const dataDir = useCliDataDir('register');
const admin = (args: string[]) => runAdmin(args, { DATA_DIR: dataDir });
const households = () => withStoreOf({ dataDir }, (store) => store.repos.households.page({ township: null, limit: 100 }));

describe('npm run admin -- import-register', () => {
  const csv = writeCsv(dataDir, '在册名单.csv', [
    ['身份证号', '姓名', '乡镇代码', '类别', '纳入日期', '村社区代码', '手机', '住址', '风险等级'],
    [id('33032719500101011'), '张一', '330327100000', '低保', '2024-03-01', '330327100201', '13957700011', '渎浦村 1 号', '红'],
    [wrongCheck('33032719500101012'), '张二', '330327100000', '低保', '2024-03-01', '', '', '', ''],
    [id('33032719500101013'), '张三', '330327999000', '特困', '2024-03-01', '', '', '', ''],
    [id('33032719500101014'), '张四', '330327104000', '监测', '2025-06-01', '', '', '', ''],
    [id('33032719500101014'), '张四', '330327104000', '低边', '2025-06-01', '', '', '', ''],
    [id('33032719500101015'), '张五', '330327104000', '支出型', '2025-12-01', '', '', '', '黄'],
  ]);

  it('imports the good rows, reports each bad one in Chinese, and the same file again changes nothing', async () => {
    const first = await admin(['import-register', '--file', csv, '--json']);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toEqual({
      rows: 6,
      imported: 2,
      updated: 0,
      rejected: [
        { row: 3, reason: '身份证号码有一位不对，请对照身份证再核对一遍' },
        { row: 4, reason: '本县没有乡镇代码 330327999000' },
        { row: 5, reason: '身份证号和第 6 行重复，请核对后只保留一行' },
        { row: 6, reason: '身份证号和第 5 行重复，请核对后只保留一行' },
      ],
    });
    const before = await households();
    expect(before.map((h) => [h.name_masked, h.category, h.level, h.village])).toEqual([
      ['张*', 'expense', 'yellow', ''],
      ['张*', 'dibao', 'red', '330327100201'],
    ]);
    // No plaintext ID number or phone in the row.
    expect(JSON.stringify(before)).not.toContain('13957700011');

    const again = await admin(['import-register', '--file', csv, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 6, imported: 0, updated: 0 });
    expect(await households()).toEqual(before);
  });

  it('reads the first sheet of an XLSX and updates a changed row', async () => {
    const xlsx = await writeXlsx(dataDir, '名单.xlsx', '名单', [
      ['姓名', '身份证号', '乡镇代码', '类别', '纳入日期'],
      ['张一', id('33032719500101011'), '330327100000', '特困', new Date(Date.UTC(2025, 0, 15))],
      ['李六', id('33032719500101016'), '330327105000', '临时救助', '2026-01-02'],
    ]);
    const res = await admin(['import-register', '--file', xlsx]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('共 2 行：新导入 1 户，更新 1 户，未导入 0 行');
    const updated = (await households()).find((h) => h.township === '330327100000')!;
    expect([updated.category, updated.category_since, updated.level]).toEqual(['tekun', '2025-01-15', 'red']);
  });

  it('a file without the required columns is refused with the missing headers named', async () => {
    const bad = writeCsv(dataDir, 'bad.csv', [['姓名', '身份证号'], ['张三', '1']], { bom: false });
    const res = await admin(['import-register', '--file', bad, '--json']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('缺少这些列：乡镇代码、类别、纳入日期');
  });
});
