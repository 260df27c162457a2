import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../../../tests/fixtures/households';
import { threeRoles, type AdminClient } from '../../../tests/helpers/admin';
import { fakeIdNumber } from '../../../tests/helpers/people';
import { submitRequest } from '../../../tests/helpers/submissions';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';
import { chinaDate } from '../../domain/clock';

let t: TestApp;
let admin: AdminClient;
let staff: AdminClient;
let viewer: AdminClient;
let entryA: { code: string; township: string };
let entryB: { code: string; township: string };
let caseA: number;
let caseB: number;

async function request(entryCode: string, tail: string, name: string): Promise<number> {
  const person = { name, phone: `1395770${tail}`, idNumber: fakeIdNumber(`33032719500101${tail.slice(1)}`), address: '渎浦村 8 号' };
  return (await submitRequest(t.app, { entryCode, person })).caseId;
}

beforeAll(async () => {
  t = await buildTestApp();
  [entryA, entryB] = (await t.app.repos.entries.list()) as unknown as [typeof entryA, typeof entryB];
  ({ admin, staff, viewer } = await threeRoles(t.app, entryA.township));
  caseA = await request(entryA.code, '0011', '张三明');
  caseB = await request(entryB.code, '0022', '李四光');
  await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { entryCode: entryA.code, answers: HARDSHIP_ANSWERS } });
  await t.app.inject({ url: `/q/${entryA.code}` });
  expect((await admin.post(`/api/staff/cases/${caseA}/events`, { type: 'contact', outcome: 'reached' })).statusCode).toBe(200);
  expect((await admin.post(`/api/staff/cases/${caseA}/events`, { type: 'decide', decision: 'dibao' })).statusCode).toBe(200);
  // Counters are written after the reply: give them a tick.
  await new Promise((resolve) => setTimeout(resolve, 50));
});
afterAll(() => t.close());

describe('statistics', () => {
  it('township staff and viewers get 403', async () => {
    for (const who of [staff, viewer]) expect((await who.get('/api/admin/stats')).statusCode).toBe(403);
  });

  it('counts per township and month, with the funnel scan → completed → requested → contacted → decided', async () => {
    const res = await admin.get('/api/admin/stats');
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    const month = chinaDate(new Date().toISOString()).slice(0, 7);
    expect(stats.months.at(-1).month).toBe(month);
    expect(stats.months).toHaveLength(12);
    const a = stats.townships.find((r: { code: string }) => r.code === entryA.township);
    expect(a).toMatchObject({ completed: 1, suspected: 1, requests: 1, reports: 0, cases: 1, contacted: 1, decided: 1, overdue: 0, byStatus: { decided: 1 } });
    expect(a.scans).toBe(1);
    expect(a.medianHoursToContact).toBeGreaterThanOrEqual(0);
    const b = stats.townships.find((r: { code: string }) => r.code === entryB.township);
    expect(b).toMatchObject({ requests: 1, cases: 1, contacted: 0, medianHoursToContact: null, byStatus: { new: 1 } });
    expect(stats.total).toMatchObject({ name: '全县', requests: 2, cases: 2, decided: 1 });
    expect(stats.funnel.map((s: { step: string; count: number }) => [s.step, s.count])).toEqual([
      ['scans', stats.total.scans],
      ['completed', 1],
      ['requested', 2],
      ['contacted', 1],
      ['decided', 1],
    ]);
    expect(stats.months.at(-1)).toMatchObject({ scans: 1, requests: 2, cases: 2, completed: 1 });
  });

  it('narrows to one township and a date range; rejects a reversed range', async () => {
    const one = (await admin.get(`/api/admin/stats?township=${entryB.township}`)).json();
    expect(one.townships).toHaveLength(1);
    expect(one.total).toMatchObject({ requests: 1, decided: 0 });
    const past = (await admin.get('/api/admin/stats?from=2020-01-01&to=2020-03-31')).json();
    expect(past.months.map((m: { month: string }) => m.month)).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(past.total).toMatchObject({ requests: 0, scans: 0 });
    expect((await admin.get('/api/admin/stats?from=2020-05-01&to=2020-03-31')).statusCode).toBe(400);
  });
});

describe('ledger export', () => {
  it('township staff and viewers get 403', async () => {
    for (const who of [staff, viewer]) {
      expect((await who.get('/api/admin/ledger.csv')).statusCode).toBe(403);
      expect((await who.post('/api/admin/ledger.csv', { unmasked: true, reason: '年度审计' })).statusCode).toBe(403);
    }
  });

  it('is a UTF-8 CSV with a BOM, masked by default, with status, risk, decision and dates', async () => {
    const res = await admin.get('/api/admin/ledger.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('案件编号,乡镇（街道）,村（社区）,姓名,身份证号,手机号,地址,来源,状态,风险等级,对象类别,认定结果,认定日期,受理日期,首次联系日期,应办日期,是否超期,办结日期,经办人,帮扶措施');
    expect(lines).toHaveLength(3);
    const rowA = lines.find((l) => l.startsWith(`${caseA},`))!;
    expect(rowA).toContain('张*明');
    expect(rowA).toContain('已认定');
    expect(rowA).toContain('纳入最低生活保障');
    expect(rowA).toContain('本人申请');
    expect(res.body).not.toContain('张三明');
    expect(res.body).not.toContain('13957700011');
    expect(res.body).not.toContain(fakeIdNumber('33032719500101011'));
  });

  it('filters like the queue', async () => {
    const lines = (await admin.get(`/api/admin/ledger.csv?township=${entryB.township}`)).body.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.startsWith(`${caseB},`)).toBe(true);
    expect((await admin.get('/api/admin/ledger.csv?status=decided')).body.trim().split('\r\n')).toHaveLength(2);
    expect((await admin.get('/api/admin/ledger.csv?status=open')).body.trim().split('\r\n')).toHaveLength(3);
    expect((await admin.get('/api/admin/ledger.csv?level=none')).body.trim().split('\r\n')).toHaveLength(1);
    expect((await admin.get('/api/admin/ledger.csv?status=bogus')).statusCode).toBe(400);
  });

  it('unmasked only by an explicit POST with a reason, which is audited before the data leaves', async () => {
    const noReason = await admin.post('/api/admin/ledger.csv', { unmasked: true, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const csrfless = await t.app.inject({ method: 'POST', url: '/api/admin/ledger.csv', headers: { cookie: admin.cookie }, payload: { unmasked: true, reason: '年度审计' } });
    expect(csrfless.statusCode).toBe(403);
    const before = (await t.app.repos.audit.forTarget('ledger')).length;
    const res = await admin.post(`/api/admin/ledger.csv?township=${entryA.township}`, { unmasked: true, reason: '年度审计抽查' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('张三明');
    expect(res.body).toContain('13957700011');
    expect(res.body).not.toContain('李四光');
    const audit = await t.app.repos.audit.forTarget('ledger');
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({ actor: 'county', action: 'ledger.export_unmasked' });
    expect(JSON.parse(audit.at(-1)!.detail!)).toEqual({ reason: '年度审计抽查', filters: { township: entryA.township }, format: 'csv' });
  });

  it('is also a real XLSX workbook, masked by default and audited when unmasked', async () => {
    const res = await admin.get('/api/admin/ledger.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('台账')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('案件编号');
    const values = sheet.getSheetValues().flat().map(String).join('|');
    expect(values).toContain('张*明');
    expect(values).not.toContain('张三明');

    const before = (await t.app.repos.audit.forTarget('ledger')).length;
    const full = await admin.post('/api/admin/ledger.xlsx', { unmasked: true, reason: '年度审计' });
    const unmasked = new ExcelJS.Workbook();
    await unmasked.xlsx.load(full.rawPayload as unknown as ArrayBuffer);
    expect(unmasked.getWorksheet('台账')!.getSheetValues().flat().map(String).join('|')).toContain('张三明');
    expect(await t.app.repos.audit.forTarget('ledger')).toHaveLength(before + 1);
    expect(JSON.parse((await t.app.repos.audit.forTarget('ledger')).at(-1)!.detail!).format).toBe('xlsx');
  });

  it('streams many cases in batches while other requests still write', async () => {
    const more = await Promise.all(Array.from({ length: 12 }, (_, i) => request(entryA.code, String(1000 + i), '王小二')));
    expect(more).toHaveLength(12);
    const [csv, write] = await Promise.all([admin.get('/api/admin/ledger.csv'), request(entryB.code, '2000', '赵六')]);
    expect(csv.statusCode).toBe(200);
    expect(write).toBeGreaterThan(0);
  });
});

describe('audit log viewer', () => {
  it('township staff and viewers get 403', async () => {
    for (const who of [staff, viewer]) expect((await who.get('/api/admin/audit')).statusCode).toBe(403);
  });

  it('filters by user, case, action and date; newest first; paginated; read-only', async () => {
    const all = (await admin.get('/api/admin/audit?limit=200')).json();
    expect(all.items.length).toBeGreaterThan(3);
    expect(all.items[0].id).toBeGreaterThan(all.items.at(-1).id);
    expect(all.actions).toEqual(expect.arrayContaining(['login', 'case.contact', 'case.decide']));

    const byCase = (await admin.get(`/api/admin/audit?caseId=${caseA}`)).json();
    expect(byCase.items.map((i: { action: string }) => i.action)).toEqual(['case.decide', 'case.contact']);

    const byUser = (await admin.get('/api/admin/audit?actor=township')).json();
    expect(byUser.items.length).toBeGreaterThan(0);
    expect(byUser.items.every((i: { actor: string }) => i.actor === 'township')).toBe(true);

    const byPrefix = (await admin.get('/api/admin/audit?action=case.')).json();
    expect(byPrefix.items.every((i: { action: string }) => i.action.startsWith('case.'))).toBe(true);
    const exact = (await admin.get('/api/admin/audit?action=case.decide')).json();
    expect(exact.items).toHaveLength(1);

    const today = chinaDate(new Date().toISOString());
    expect((await admin.get(`/api/admin/audit?from=${today}&to=${today}&action=case.decide`)).json().items).toHaveLength(1);
    expect((await admin.get('/api/admin/audit?from=2020-01-01&to=2020-01-31')).json().items).toHaveLength(0);

    const first = (await admin.get('/api/admin/audit?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await admin.get(`/api/admin/audit?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);

    for (const method of ['POST', 'PATCH', 'DELETE'] as const) expect([404, 405]).toContain((await admin.send(method, '/api/admin/audit', {})).statusCode);
  });
});
