import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { threeRoles, type AdminClient } from '../../../tests/helpers/admin';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';
import { countOf } from '../../../tests/helpers/rows';
import { fakeIdNumber as id } from '../../../tests/helpers/people';
import { wrongCheckIdNumber as wrongCheck } from '../../../tests/helpers/csv-fixtures';

let t: TestApp;
let roles: { admin: AdminClient; staff: AdminClient; viewer: AdminClient };

const CSV = [
  '身份证号,姓名,乡镇代码,类别,纳入日期',
  `${id('33032719700101021')},周一,330327100000,低保,2024-01-01`,
  `${wrongCheck('33032719700101022')},周二,330327100000,低保,2024-01-01`,
  `${id('33032719700101023')},周三,330327100000,五保,2024-01-01`,
].join('\n');
const body = (content: string, preview: boolean, fileName = '名单.csv') => ({ fileName, content: Buffer.from(content).toString('base64'), preview });
const count = async () => (await t.app.repos.households.page({ township: null, limit: 100 })).length;

beforeAll(async () => {
  t = await buildTestApp();
  roles = await threeRoles(t.app, '330327100000', 'reg_');
});
afterAll(() => t.close());

describe('POST /api/admin/register/import', () => {
  it('previews without keeping anything, then imports; the same file again changes nothing', async () => {
    const preview = await roles.admin.send('POST', '/api/admin/register/import', body(CSV, true));
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      preview: true,
      rows: 3,
      imported: 1,
      updated: 0,
      rejected: [
        { row: 3, reason: '身份证号码有一位不对，请对照身份证再核对一遍' },
        { row: 4, reason: '类别只能是 低保、低边、特困、支出型、临时救助、监测 之一' },
      ],
    });
    expect(await count()).toBe(0);
    const imports = () => countOf(t.app, sql`SELECT count(*) AS n FROM audit_log WHERE action = 'register.import'`);
    expect(await imports()).toBe(0);

    const done = await roles.admin.send('POST', '/api/admin/register/import', body(CSV, false));
    expect(done.json()).toMatchObject({ preview: false, imported: 1, updated: 0 });
    expect(await count()).toBe(1);
    expect(await imports()).toBe(1);
    const again = await roles.admin.send('POST', '/api/admin/register/import', body(CSV, false));
    expect(again.json()).toMatchObject({ imported: 0, updated: 0 });
  });

  it('reads an XLSX upload and a GBK CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['身份证号', '姓名', '乡镇代码', '类别', '纳入日期']);
    sheet.addRow([id('33032719700101024'), '周四', '330327104000', '特困', '2025-01-01']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await roles.admin.send('POST', '/api/admin/register/import', { fileName: '名单.xlsx', content: xlsx.toString('base64'), preview: true });
    expect(res.json()).toMatchObject({ rows: 1, imported: 1, rejected: [] });
    const gbk = Buffer.from('c9edb7ddd6a4bac52cd0d5c3fb2ccfe7d5f2b4fac2eb2cc0e0b1f02cc4c9c8ebc8d5c6da0ad6dccee52c78', 'hex'); // the header and a row starting 周五 in GBK
    const header = await roles.admin.send('POST', '/api/admin/register/import', { fileName: 'gbk.csv', content: gbk.toString('base64'), preview: true });
    expect(header.statusCode).toBe(200);
    expect(header.json().rejected[0].reason).toContain('身份证号码应为 18 位');
  });

  it('names missing columns; township staff and viewers are refused', async () => {
    const bad = await roles.admin.send('POST', '/api/admin/register/import', body('姓名\n张三\n', true));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('缺少这些列');
    for (const who of [roles.staff, roles.viewer]) {
      expect((await who.send('POST', '/api/admin/register/import', body(CSV, false))).statusCode).toBe(403);
    }
  });
});

describe('GET /api/admin/register/summary', () => {
  it('counts the register by township, village, category and level; county only', async () => {
    const res = await roles.admin.get('/api/admin/register/summary');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totals).toEqual({ households: 1, overdue: 0, dueThisWeek: expect.any(Number), reviewsDue: 0 });
    expect(body.byCategory).toEqual({ dibao: 1 });
    expect(body.byLevel).toEqual({ blue: 1 });
    expect(body.townships).toEqual([
      expect.objectContaining({ code: '330327100000', name: '灵溪镇', households: 1, villages: [expect.objectContaining({ code: '', name: '未填村社区', households: 1 })] }),
    ]);
    for (const who of [roles.staff, roles.viewer]) expect((await who.get('/api/admin/register/summary')).statusCode).toBe(403);
  });
});
