import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../shared/identity/id-number';
import { openDatabase } from '../db/open';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-signals-'));
const operatorEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')));
const env = { ...operatorEnv, DATA_DIR: dataDir };
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function admin(args: string[]) {
  try {
    const { stdout, stderr } = await run('npm', ['run', 'admin', '--', ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const wrongCheck = (first17: string) => first17 + (idNumberCheckChar(first17) === '1' ? '2' : '1');

function query<T>(sql: string): T[] {
  const db = openDatabase(path.join(dataDir, 'xingfuma.sqlite'));
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('npm run admin -- import-signals', () => {
  const csv = path.join(dataDir, '医保.csv');
  fs.writeFileSync(
    csv,
    '\uFEFF' +
      [
        '身份证号,姓名,区划代码,自付金额,期间起,期间止',
        `${id('33032719750101011')},王一,330327104201,"35,000",2026-01-01,2026-06-30`,
        `${id('33032719750101012')},王二,330327100000,8000,2026-01-01,2026-06-30`,
        `${wrongCheck('33032719750101013')},王三,330327100000,50000,2026-01-01,2026-06-30`,
        `${id('33032719750101014')},王四,330327999999,50000,2026-01-01,2026-06-30`,
        `,王五,330327100000,50000,2026-01-01,2026-06-30`,
      ].join('\r\n'),
  );

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
    const cases = query<{ source: string; township: string; target_class: string; level: string }>('SELECT source, township, target_class, level FROM cases');
    expect(cases).toEqual([{ source: 'warning', township: '330327104000', target_class: 'missing', level: 'yellow' }]);
    // Nothing of the department's list in plain text: not the name, not the ID number.
    expect(JSON.stringify(query('SELECT * FROM cases'))).not.toContain('33032719750101011');

    const again = await admin(['import-signals', '--source', 'medical', '--file', csv, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 5, warnings: 0, duplicates: 1 });
    expect(query('SELECT id FROM cases')).toHaveLength(1);

    const audit = query<{ actor: string; detail: string }>("SELECT actor, detail FROM audit_log WHERE action = 'warnings.import' ORDER BY id");
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
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('死亡');
    sheet.addRow(['姓名', '身份证号', '区划代码', '死亡日期', '年龄']);
    sheet.addRow(['赵一', id('33032719800101021'), '330327105000', new Date(Date.UTC(2026, 9, 1)), 45]);
    const xlsx = path.join(dataDir, '死亡.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const res = await admin(['import-signals', '--source', 'death', '--file', xlsx]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('共 1 行：对上在册或在办 0 人，新预警 1 条，已预警过 0 条，未导入 0 行');

    const missing = await admin(['import-signals', '--source', 'death', '--file', csv, '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('缺少这些列：死亡日期、年龄');
    const unknown = await admin(['import-signals', '--source', 'tax', '--file', csv]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('--source 只能是');
  });
});
