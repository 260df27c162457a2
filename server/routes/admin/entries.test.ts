import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, threeRoles, townshipsOf, villagesOf, type AdminClient } from '../../../tests/helpers/admin';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';
import { rowsOf } from '../../../tests/helpers/rows';

let t: TestApp;
let admin: AdminClient;
let staff: AdminClient;
let viewer: AdminClient;
let township: { code: string; name: string };
let village: { code: string; name: string };
let otherVillage: { code: string; name: string };

beforeAll(async () => {
  t = await buildTestApp();
  township = (await townshipsOf(t.app))[0]!;
  [village, otherVillage] = (await villagesOf(t.app, township.code)) as unknown as [typeof village, typeof village];
  ({ admin, staff, viewer } = await threeRoles(t.app, township.code));
});
afterAll(() => t.close());

const auditOf = (action: string) =>
  rowsOf(t.app, sql<{ actor: string; target: string; detail: string }>`SELECT actor, target, detail FROM audit_log WHERE action = ${action} ORDER BY id`);

describe('幸福码 management', () => {
  it.each([
    ['GET', '/api/admin/entries', undefined],
    ['POST', '/api/admin/entries', { township: '330327100000' }],
    ['POST', '/api/admin/entries/batch', { village: '330327100201', lines: '1 号' }],
    ['POST', '/api/admin/entries/batch-csv', { csv: '330327100201,1 号' }],
  ])('%s %s is for county admins only: township staff and viewers get 403', async (method, url, payload) => {
    for (const who of [staff, viewer]) {
      const res = method === 'GET' ? await who.get(url) : await who.send('POST', url, payload);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const anonymous = await t.app.inject({ method, url, payload: payload as Record<string, unknown> });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lists every code with its scans and completions', async () => {
    const entry = (await t.app.repos.entries.list())[0]!;
    await t.app.repos.entries.countScans(entry.code, '2025-01-02', 2);
    await t.app.repos.entries.countCompletion(entry.code, '2025-01-02', true);
    const res = await admin.get('/api/admin/entries');
    expect(res.statusCode).toBe(200);
    const item = (res.json().items as Array<{ code: string; scans: number; completions: number; township: { name: string }; url: string }>).find((e) => e.code === entry.code)!;
    expect(item).toMatchObject({ scans: 2, completions: 1 });
    expect(item.township.name).toMatch(/镇|街道/);
    expect(item.url).toBe(`${t.app.config.publicBaseUrl}/q/${entry.code}`);
  });

  it('creates one code for a village with a label, audited; a village of another township is refused', async () => {
    const res = await admin.post('/api/admin/entries', { township: township.code, village: village.code, label: '助联体服务站' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ label: '助联体服务站', active: true, village: { code: village.code, name: village.name }, scans: 0 });
    expect((await auditOf('entry.create')).at(-1)).toMatchObject({ actor: 'county', target: `entry:${body.code}` });

    const foreign = (await villagesOf(t.app, (await townshipsOf(t.app))[1]!.code))[0]!;
    const bad = await admin.post('/api/admin/entries', { township: township.code, village: foreign.code });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.village).toContain(township.name);
  });

  it('disables and enables a code with a reason; the public page then says it is disabled', async () => {
    const { code } = (await admin.post('/api/admin/entries', { township: township.code, label: '临时点' })).json();
    const noReason = await admin.post(`/api/admin/entries/${code}/disable`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const off = await admin.post(`/api/admin/entries/${code}/disable`, { reason: '门牌损坏，已更换' });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false, disabledReason: '门牌损坏，已更换' });
    expect((await t.app.inject({ url: `/api/entries/${code}` })).statusCode).toBe(410);
    const on = await admin.post(`/api/admin/entries/${code}/enable`, { reason: '误停用' });
    expect(on.json()).toMatchObject({ active: true, disabledReason: null });
    expect((await auditOf('entry.disable')).at(-1)).toMatchObject({ target: `entry:${code}`, detail: '门牌损坏，已更换' });
    expect((await auditOf('entry.enable')).at(-1)).toMatchObject({ target: `entry:${code}`, detail: '误停用' });
    expect((await admin.post('/api/admin/entries/NOSUCHCODE/disable', { reason: 'x' })).statusCode).toBe(404);
    expect((await staff.post(`/api/admin/entries/${code}/disable`, { reason: 'x' })).statusCode).toBe(403);
  });

  it('batch-creates a village doorplates from a pasted list, skipping blank lines', async () => {
    const res = await admin.post('/api/admin/entries/batch', { village: village.code, lines: '渎浦村 1 号\n\n渎浦村 2 号\r\n  渎浦村 3 号  \n' });
    expect(res.statusCode).toBe(201);
    const created = res.json().created as Array<{ label: string; township: { code: string }; village: { code: string } }>;
    expect(created.map((e) => e.label)).toEqual(['渎浦村 1 号', '渎浦村 2 号', '渎浦村 3 号']);
    expect(created.every((e) => e.township.code === township.code && e.village.code === village.code)).toBe(true);
    expect((await auditOf('entry.batch_create')).at(-1)!.detail).toContain('3 个');
  });

  it('a batch with bad rows creates nothing and names every bad row', async () => {
    const before = (await t.app.repos.entries.list()).length;
    const long = '长'.repeat(61);
    const res = await admin.post('/api/admin/entries/batch', { village: village.code, lines: `新 1 号\n新 2 号\n新 1 号\n${long}\n渎浦村 1 号` });
    expect(res.statusCode).toBe(400);
    const { code, fields, message } = res.json().error;
    expect(code).toBe('VALIDATION_FAILED');
    expect(message).toContain('一个也没有生成');
    expect(Object.keys(fields).sort()).toEqual(['row:3', 'row:4', 'row:5']);
    expect(fields['row:3']).toContain('和第 1 行重复');
    expect(fields['row:4']).toContain('60');
    expect(fields['row:5']).toContain('已经有');
    expect((await t.app.repos.entries.list()).length).toBe(before);
  });

  it('batch-creates from a CSV with a header, quoted cells, village names or codes — all or nothing', async () => {
    const csv = `\uFEFF村（社区）,门牌号\r\n${village.code},"CSV 1 号"\r\n${otherVillage.name},"CSV ""2"" 号, 东"\r\n,CSV 3 号\r\n`;
    const res = await admin.post('/api/admin/entries/batch-csv', { csv, village: village.code });
    expect(res.statusCode).toBe(201);
    const created = res.json().created as Array<{ label: string; village: { code: string } }>;
    expect(created.map((e) => [e.village.code, e.label])).toEqual([
      [village.code, 'CSV 1 号'],
      [otherVillage.code, 'CSV "2" 号, 东'],
      [village.code, 'CSV 3 号'],
    ]);

    const before = (await t.app.repos.entries.list()).length;
    const bad = await admin.post('/api/admin/entries/batch-csv', { csv: `${village.code},CSV 4 号\n没有这个村,CSV 5 号\n${village.code},\n` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      'row:2': expect.stringContaining('没有这个村（社区）'),
      'row:3': expect.stringContaining('请填写门牌号'),
    });
    expect((await t.app.repos.entries.list()).length).toBe(before);
  });

  it('QR PNG decodes to the public URL; SVG and poster are served; downloads are attachments', async () => {
    const { code, url } = (await admin.post('/api/admin/entries', { township: township.code, village: village.code, label: '渎浦村 8 号' })).json();
    const png = await admin.get(`/api/admin/entries/${code}/qr.png`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const image = PNG.sync.read(png.rawPayload);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(url);

    const download = await admin.get(`/api/admin/entries/${code}/qr.png?download=1`);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="xingfuma-${code}.png"`);
    const svg = await admin.get(`/api/admin/entries/${code}/qr.svg`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    const poster = await admin.get(`/api/admin/entries/${code}/poster.svg`);
    expect(poster.body).toContain(township.name);
    expect(poster.body).toContain('渎浦村 8 号');
    expect(poster.body).toContain(code);
    expect((await staff.get(`/api/admin/entries/${code}/qr.png`)).statusCode).toBe(403);
  });
});

describe('regions for all staff', () => {
  it('every signed-in role reads the tree; anonymous gets 401', async () => {
    for (const who of [admin, staff, viewer]) {
      const res = await who.get('/api/staff/regions');
      expect(res.statusCode).toBe(200);
      const regions = res.json() as Array<{ code: string; name: string; level: string; parent: string | null }>;
      expect(regions.find((r) => r.code === village.code)).toEqual({ code: village.code, name: village.name, level: 'village', parent: township.code });
      expect(regions.some((r) => r.level === 'county' && r.parent === null)).toBe(true);
    }
    expect((await t.app.inject({ url: '/api/staff/regions' })).statusCode).toBe(401);
    const fresh = await signIn(t.app, 'viewer');
    expect((await fresh.get('/api/staff/regions')).statusCode).toBe(200);
  });
});
