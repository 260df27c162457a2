import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../../shared/identity/id-number';
import { signalTemplateCsv } from '../../../shared/warnings/template';
import { threeRoles, type AdminClient } from '../../../tests/helpers/admin';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';

let t: TestApp;
let roles: { admin: AdminClient; staff: AdminClient; viewer: AdminClient };
const id = (first17: string) => first17 + idNumberCheckChar(first17);
const wrongCheck = (first17: string) => first17 + (idNumberCheckChar(first17) === '1' ? '2' : '1');

// Written on the downloadable template: its header row, then the department's rows.
const CSV =
  signalTemplateCsv('medical') +
  [
    `${id('33032719750201011')},王一,330327104201,35000,2026-01-01,2026-06-30`,
    `${id('33032719750201012')},王二,330327100000,8000,2026-01-01,2026-06-30`,
    `${wrongCheck('33032719750201013')},王三,330327100000,50000,2026-01-01,2026-06-30`,
  ].join('\r\n');

/** The file as the page sends it: the bytes as the body, which list it is in the query. */
function upload(who: AdminClient, content: string | Buffer, source = 'medical', fileName = '医保.csv') {
  return t.app.inject({
    method: 'POST',
    url: `/api/admin/signals/imports?source=${source}&fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/octet-stream' },
    payload: Buffer.isBuffer(content) ? content : Buffer.from(content),
  });
}

/** Polls the job as the page does, until it has ended. */
async function finished(importId: number): Promise<Record<string, unknown>> {
  const seen: number[] = [];
  for (;;) {
    const res = await roles.admin.get(`/api/admin/signals/imports/${importId}`);
    expect(res.statusCode).toBe(200);
    const job = res.json();
    seen.push(job.percent);
    if (job.status === 'done' || job.status === 'failed') {
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const audits = async (action: string) =>
  (await sql<{ actor: string; detail: string }>`SELECT actor, detail FROM audit_log WHERE action = ${action} ORDER BY id`.execute(t.app.store.db)).rows;

beforeAll(async () => {
  t = await buildTestApp();
  roles = await threeRoles(t.app, '330327104000', 'sig_');
});
afterAll(() => t.close());

describe('数据预警导入 as a background job', () => {
  let first: number;

  it('answers 202 with an import id at once; polling shows progress, then the result; audited with the file hash', async () => {
    const res = await upload(roles.admin, CSV);
    expect(res.statusCode).toBe(202);
    first = res.json().id;
    const job = await finished(first);
    expect(job).toMatchObject({ status: 'done', statusText: '导入完成', percent: 100, rows: 3, matched: 0, warnings: 1, duplicates: 0, rejected: 1, source: 'medical', sourceLabel: '医保（自付医疗费用）', fileName: '医保.csv', actor: 'sig_county' });
    expect(job.fileHash).toBe(createHash('sha256').update(CSV).digest('hex'));
    expect([job.problems, job.moreProblems]).toEqual([[{ row: 4, column: '身份证号', reason: '身份证号码有一位不对，请对照身份证再核对一遍' }], 0]);
    const cases = (await sql<{ source: string; township: string }>`SELECT source, township FROM cases`.execute(t.app.store.db)).rows;
    expect(cases).toEqual([{ source: 'warning', township: '330327104000' }]);
    const logged = await audits('warnings.import');
    expect(logged).toHaveLength(1);
    expect(logged[0]!.actor).toBe('sig_county');
    expect(JSON.parse(logged[0]!.detail)).toEqual({ source: 'medical', file: '医保.csv', fileHash: job.fileHash, rows: 3, matched: 0, warnings: 1, duplicates: 0, rejected: 1 });
  });

  it('the same file again raises nothing new, and the history lists both imports newest first', async () => {
    const again = (await upload(roles.admin, CSV)).json().id;
    expect(await finished(again)).toMatchObject({ rows: 3, warnings: 0, duplicates: 1 });
    const history = (await roles.admin.get('/api/admin/signals/imports')).json().items;
    expect(history.map((j: { id: number }) => j.id).slice(0, 2)).toEqual([again, first]);
    expect(history[0]).toMatchObject({ actor: 'sig_county', fileName: '医保.csv', status: 'done' });
    expect((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM cases`.execute(t.app.store.db)).rows[0]!.n).toBe(1);
  });

  it('the error report is row, column and reason: never the row\'s name or ID number; its download is audited', async () => {
    const res = await roles.admin.get(`/api/admin/signals/imports/${first}/errors.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toBe('\uFEFF行号,列,原因\r\n4,身份证号,身份证号码有一位不对，请对照身份证再核对一遍\r\n');
    expect(res.body).not.toMatch(/王三|33032719750201013/);
    expect(await audits('warnings.import_errors_download')).toHaveLength(1);
    expect((await roles.admin.get('/api/admin/signals/imports/99999/errors.csv')).statusCode).toBe(404);
  });

  it('a file missing a column ends as failed with the columns named; an unknown source or an empty file is refused at once', async () => {
    const missing = (await upload(roles.admin, '身份证号,姓名\n', 'death', '死亡.csv')).json().id;
    expect(await finished(missing)).toMatchObject({ status: 'failed', message: '第 1 行（表头）缺少这些列：区划代码、死亡日期、年龄' });
    expect((await upload(roles.admin, CSV, 'tax')).statusCode).toBe(400);
    expect((await upload(roles.admin, CSV, 'medical', '医保.txt')).statusCode).toBe(400);
    const empty = await upload(roles.admin, Buffer.alloc(0));
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('township staff and viewers are refused everywhere, and nothing is imported', async () => {
    const before = (await audits('warnings.import')).length;
    for (const who of [roles.staff, roles.viewer]) {
      expect((await upload(who, CSV)).statusCode).toBe(403);
      expect((await who.get('/api/admin/signals/imports')).statusCode).toBe(403);
      expect((await who.get(`/api/admin/signals/imports/${first}`)).statusCode).toBe(403);
      expect((await who.get(`/api/admin/signals/imports/${first}/errors.csv`)).statusCode).toBe(403);
      expect((await who.get('/api/admin/signals/rules')).statusCode).toBe(403);
    }
    expect(await audits('warnings.import')).toHaveLength(before);
  });
});

describe('warning rules: dated versions with a preview on the last import', () => {
  const rules = (medicalSelfPaidYuan: number, effectiveFrom = '2099-01-01') => ({
    effectiveFrom,
    source: '县民政局 2026 年第 5 次会议',
    values: { medicalSelfPaidYuan, disabilityGrades: ['一级', '二级'], deathAgeBand: { min: 25, max: 50 } },
  });

  it('counts how many rows of the last medical list would warn under the new line and the current one', async () => {
    // The last medical list: 35,000, 8,000 (the bad row keeps nothing).
    const preview = await roles.admin.send('POST', '/api/admin/signals/rules/preview', rules(5_000));
    expect(preview.statusCode).toBe(200);
    const medical = preview.json().lines.find((l: { source: string }) => l.source === 'medical');
    expect(medical).toMatchObject({ rows: 2, current: 1, proposed: 2, text: '按新规则，上次导入的 2 行中有 2 行会预警（现行规则：1 行）' });
    const stricter = (await roles.admin.send('POST', '/api/admin/signals/rules/preview', rules(47_000))).json().lines.find((l: { source: string }) => l.source === 'medical');
    expect(stricter.text).toBe('按新规则，上次导入的 2 行中有 0 行会预警（现行规则：1 行）');
  });

  it('saves a version from a future day, audited; a past day, a taken day and bad values are refused beside their fields', async () => {
    const saved = await roles.admin.send('POST', '/api/admin/signals/rules', rules(47_000));
    expect(saved.statusCode).toBe(201);
    expect(saved.json().versions).toEqual([expect.objectContaining({ effectiveFrom: '2099-01-01', createdBy: 'sig_county', values: rules(47_000).values })]);
    // Not yet in force: today the shipped 20,000 元 still applies.
    expect(saved.json().current.medicalSelfPaidYuan).toBe(20_000);
    expect(await audits('warnings.rules_version')).toHaveLength(1);

    const taken = await roles.admin.send('POST', '/api/admin/signals/rules', rules(30_000));
    expect(Object.keys(taken.json().error.fields)).toEqual(['effectiveFrom']);
    const past = await roles.admin.send('POST', '/api/admin/signals/rules', rules(30_000, '2020-01-01'));
    expect(past.json().error.fields.effectiveFrom).toContain('不能早于今天');
    const bad = await roles.admin.send('POST', '/api/admin/signals/rules/preview', { ...rules(-5, '2099-02-01'), values: { medicalSelfPaidYuan: -5, disabilityGrades: ['五级'], deathAgeBand: { min: 60, max: 20 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      'values.medicalSelfPaidYuan': '请填写大于 0 的金额（元），例如 20000',
      'values.disabilityGrades': '请从一级、二级、三级、四级中选择',
      'values.deathAgeBand': '起始年龄不能大于结束年龄',
    });
  });
});
