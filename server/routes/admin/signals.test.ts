import { createHash } from 'node:crypto';
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
const body = (content: string, source = 'medical', fileName = '医保.csv') => ({ source, fileName, content: Buffer.from(content).toString('base64') });
const audits = () =>
  t.app.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'warnings.import' ORDER BY id").all() as Array<{ actor: string; detail: string }>;

beforeAll(async () => {
  t = await buildTestApp();
  roles = await threeRoles(t.app, '330327104000', 'sig_');
});
afterAll(() => t.close());

describe('POST /api/admin/signals/import', () => {
  it('imports a department\'s list, reports bad rows, audits the file hash; the same file again raises nothing', async () => {
    const res = await roles.admin.send('POST', '/api/admin/signals/import', body(CSV));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rows: 3, matched: 0, warnings: 1, duplicates: 0, rejected: [{ row: 4, reason: '身份证号码有一位不对，请对照身份证再核对一遍' }] });
    const cases = t.app.db.prepare('SELECT source, township FROM cases').all();
    expect(cases).toEqual([{ source: 'warning', township: '330327104000' }]);

    const again = await roles.admin.send('POST', '/api/admin/signals/import', body(CSV));
    expect(again.json()).toMatchObject({ rows: 3, warnings: 0, duplicates: 1 });
    const logged = audits();
    expect(logged).toHaveLength(2);
    expect(logged[0]!.actor).toBe('sig_county');
    expect(JSON.parse(logged[0]!.detail)).toEqual({
      source: 'medical',
      file: '医保.csv',
      fileHash: createHash('sha256').update(CSV).digest('hex'),
      rows: 3,
      matched: 0,
      warnings: 1,
      duplicates: 0,
      rejected: 1,
    });
  });

  it('names missing columns and refuses an unknown source', async () => {
    const bad = await roles.admin.send('POST', '/api/admin/signals/import', body('身份证号,姓名\n', 'death'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await roles.admin.send('POST', '/api/admin/signals/import', body(CSV, 'tax'))).statusCode).toBe(400);
  });

  it('township staff and viewers are refused, and nothing is imported', async () => {
    const before = audits().length;
    for (const who of [roles.staff, roles.viewer]) {
      expect((await who.send('POST', '/api/admin/signals/import', body(CSV))).statusCode).toBe(403);
    }
    expect(audits()).toHaveLength(before);
  });
});
