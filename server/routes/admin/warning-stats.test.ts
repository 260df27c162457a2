import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSignals } from '../../domain/warning-import';
import { fakeIdNumber } from '../../../tests/helpers/people';
import { createStaff, login, type StaffSession } from '../../../tests/helpers/staff';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';

const LINGXI = '330327100000';
const QIANKU = '330327104000';
const KUOSHAN = '330327104201'; // a village of 钱库镇
const COMMON = ['身份证号', '姓名', '区划代码'];

let t: TestApp;
let admin: StaffSession;
beforeAll(async () => {
  t = await buildTestApp();
  // Raised five hours ago: the call made now is five hours after the warning.
  const raisedAt = new Date(Date.now() - 5 * 3_600_000).toISOString();
  const run = (source: 'medical' | 'unemployment', table: string[][]) => importSignals(t.app.store, t.app.vault, source, table, raisedAt);
  await run('medical', [[...COMMON, '自付金额', '期间起', '期间止'], [fakeIdNumber('33032719800101001'), '钱一', KUOSHAN, '30000', '2026-01-01', '2026-06-30']]);
  await run('unemployment', [[...COMMON, '登记日期'], [fakeIdNumber('33032719800101002'), '灵二', LINGXI, '2026-08-01']]);
  const handledCase = (await t.app.repos.cases.findOpenByPersonKeyAnywhere(t.app.vault.blindIndex('id', fakeIdNumber('33032719800101002'))))!.id;

  await createStaff(t.app, 'ws_lingxi', 'township_staff', LINGXI);
  await createStaff(t.app, 'ws_admin', 'county_admin', null);
  const staff = await login(t.app, 'ws_lingxi');
  admin = await login(t.app, 'ws_admin');
  expect((await staff.post(`/api/staff/cases/${handledCase}/events`, { type: 'contact', outcome: 'reached' })).statusCode).toBeLessThan(300);
  expect((await staff.post(`/api/staff/cases/${handledCase}/events`, { type: 'handle', branch: 'policy', finding: '已落实临时救助' })).statusCode).toBeLessThan(300);
});
afterAll(() => t.close());

const countOf = (list: Array<{ value: string; count: number }>) => Object.fromEntries(list.map((c) => [c.value, c.count]));

describe('county statistics include 数据预警', () => {
  it('raised, handled, by source, by branch and time to first contact, per township and month', async () => {
    const res = await admin.get('/api/admin/stats');
    expect(res.statusCode).toBe(200);
    const warnings = res.json().warnings;
    expect(warnings.total.raised).toBe(2);
    expect(warnings.total.handled).toBe(1);
    expect(warnings.total.medianHoursToContact).toBeCloseTo(5, 0);
    expect(countOf(warnings.bySource)).toEqual({ medical: 1, disability: 0, death: 0, unemployment: 1, student: 0, exit: 0 });
    expect(countOf(warnings.byBranch)).toEqual({ policy: 1, refer: 0, county: 0, exit: 0 });
    const byCode = Object.fromEntries(warnings.townships.map((r: { code: string; raised: number; handled: number }) => [r.code, [r.raised, r.handled]]));
    expect(byCode[LINGXI]).toEqual([1, 1]);
    expect(byCode[QIANKU]).toEqual([1, 0]);
    const months = warnings.months as Array<{ raised: number; handled: number }>;
    expect(months.reduce((n, m) => n + m.raised, 0)).toBe(2);
    expect(months.reduce((n, m) => n + m.handled, 0)).toBe(1);
  });

  it('a township filter counts that township only', async () => {
    const qianku = (await admin.get(`/api/admin/stats?township=${QIANKU}`)).json().warnings;
    expect([qianku.total.raised, qianku.total.handled, qianku.total.medianHoursToContact]).toEqual([1, 0, null]);
    expect(countOf(qianku.bySource).medical).toBe(1);
    expect(qianku.townships.map((r: { code: string }) => r.code)).toEqual([QIANKU]);
  });
});
