import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../../../tests/fixtures/households';
import { fakeIdNumber } from '../../../tests/helpers/people';
import { createStaff, login, type StaffSession } from '../../../tests/helpers/staff';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';

let t: TestApp;
let admin: StaffSession;
let staff: StaffSession;
let townshipA: string;
let caseId: number;
const idNumber = fakeIdNumber('33032719600101051');

async function enrol(entryCode: string, name: string, phone: string, id: string, decision: string): Promise<number> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/requests',
    payload: { requestId: randomUUID(), entryCode, answers: HARDSHIP_ANSWERS, person: { name, phone, idNumber: id, address: '某村某组 5 号' }, consent: true },
  });
  const id_ = (await t.app.repos.cases.findSubmissionByTrackingCode(res.json().trackingCode as string))!.case_id;
  for (const step of [{ type: 'contact', outcome: 'reached' }, { type: 'decide', decision }]) {
    expect((await staff.post(`/api/staff/cases/${id_}/events`, step)).statusCode).toBe(200);
  }
  return id_;
}

beforeAll(async () => {
  t = await buildTestApp();
  const [a] = await t.app.repos.entries.list();
  townshipA = a!.township;
  await createStaff(t.app, 'rl_admin', 'county_admin', null);
  await createStaff(t.app, 'rl_staff', 'township_staff', townshipA);
  admin = await login(t.app, 'rl_admin');
  staff = await login(t.app, 'rl_staff');
  caseId = await enrol(a!.code, '吴五娘', '13957710051', idNumber, 'tekun');
  await enrol(a!.code, '郑六叔', '13957710052', fakeIdNumber('33032719600101052'), 'monitor');
});
afterAll(() => t.close());

describe('the register ledger (在册名单台账)', () => {
  it('is masked by default, filtered like the register page, with the linked cases', async () => {
    const res = await admin.get('/api/admin/register-ledger.csv?category=tekun');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('在册编号,乡镇（街道）,村（社区）,姓名,身份证号,手机号');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('吴*娘');
    expect(lines[1]).toContain('特困');
    expect(lines[1]).toContain(String(caseId));
    expect(res.body).not.toContain('吴五娘');
    expect(res.body).not.toContain('13957710051');
    expect(res.body).not.toContain(idNumber);
    expect(res.body).not.toContain('郑');
  });

  it('is in full only by the audited POST with a reason, the audit row written first', async () => {
    expect((await admin.post('/api/admin/register-ledger.csv', { unmasked: true, reason: '' })).statusCode).toBe(400);
    const before = (await t.app.repos.audit.forTarget('register')).length;
    const res = await admin.post('/api/admin/register-ledger.csv?category=tekun', { unmasked: true, reason: '年度审计抽查' });
    expect(res.statusCode).toBe(200);
    const audit = await t.app.repos.audit.forTarget('register');
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({ actor: 'rl_admin', action: 'ledger.export_unmasked' });
    expect(JSON.parse(audit.at(-1)!.detail!)).toEqual({ reason: '年度审计抽查', filters: { category: 'tekun' }, format: 'csv' });
    expect(res.body).toContain('吴五娘');
    expect(res.body).toContain(idNumber);
    expect(res.body).not.toContain('郑六叔');
  });

  it('is a real XLSX workbook too, masked by GET and full by the audited POST', async () => {
    const masked = new ExcelJS.Workbook();
    await masked.xlsx.load((await admin.get('/api/admin/register-ledger.xlsx')).rawPayload as unknown as ArrayBuffer);
    const sheet = masked.getWorksheet('在册名单')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('在册编号');
    const values = sheet.getSheetValues().flat().map(String).join('|');
    expect(values).toContain('吴*娘');
    expect(values).not.toContain('吴五娘');

    const before = (await t.app.repos.audit.forTarget('register')).length;
    const full = new ExcelJS.Workbook();
    await full.xlsx.load((await admin.post('/api/admin/register-ledger.xlsx', { unmasked: true, reason: '年度审计' })).rawPayload as unknown as ArrayBuffer);
    expect(full.getWorksheet('在册名单')!.getSheetValues().flat().map(String).join('|')).toContain('吴五娘');
    expect(await t.app.repos.audit.forTarget('register')).toHaveLength(before + 1);
  });

  it('is the county admin’s only', async () => {
    expect((await staff.get('/api/admin/register-ledger.csv')).statusCode).toBe(403);
    expect((await staff.post('/api/admin/register-ledger.csv', { unmasked: true, reason: '年度审计' })).statusCode).toBe(403);
  });
});
