import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyOf, NO_COUNTY_MESSAGE } from '../../shared/accounts/scope';
import { settleCountylessRows } from '../../server/domain/bootstrap';
import { idNumberCheckChar } from '../../shared/identity/id-number';
import type { AdminClient } from '../helpers/admin';
import { newHousehold } from '../helpers/register-fixtures';
import { submitRequest } from '../helpers/submissions';
import type { TestApp } from '../helpers/test-app';
import { B, buildTwoCounties, importDeaths, type TwoCounties } from '../helpers/two-counties';

// Two counties in one database (#16): the demo county (苍南县, A) and a second one (平阳县, B). Per-county settings
// (warning rules, screening parameters, the policy library) are in tenancy-settings.test.ts.
let t: TestApp;
let countyA: string;
let adminA: AdminClient;
let adminB: AdminClient;
let staffB: AdminClient;
let province: AdminClient;
let account: TwoCounties['account'];
const cases = { a: [] as number[], b: [] as number[] };
const households = { a: 0, b: 0 };
const imports = { a: 0, b: 0, a2: 0 };

async function household(township: string, village: string, key: string) {
  return t.app.repos.households.insert(
    newHousehold({ person_key: key, township, village, subject_enc: t.app.vault.encrypt({ name: '王五', phone: null, idNumber: null, address: null }) }),
  );
}

beforeAll(async () => {
  const two = await buildTwoCounties();
  ({ t, countyA, adminA, adminB, staffB, province, account } = two);
  for (let i = 0; i < 2; i++) cases.a.push((await submitRequest(t.app, { entryCode: two.entryA.code })).caseId);
  cases.b.push((await submitRequest(t.app, { entryCode: two.entryB })).caseId);
  households.a = await household(two.entryA.township, '', 'pk-a');
  households.b = await household(B.township, B.village, 'pk-b');
  const now = new Date().toISOString();
  imports.a = await t.app.repos.signalImports.start({ source: 'death', fileName: 'a.csv', fileHash: 'ha', actor: 'admin_a', now, county: countyA });
  imports.b = await t.app.repos.signalImports.start({ source: 'death', fileName: 'b.csv', fileHash: 'hb', actor: 'admin_b', now, county: B.county });
});
afterAll(() => t.close());

const csvRows = (body: string) => body.replace(/^\uFEFF/, '').trim().split('\n').slice(1);

/** The ids of the items a list answers to `client`, in its order. */
async function idsOf(client: AdminClient, url: string): Promise<number[]> {
  return (await client.get(url)).json().items.map((item: { id: number }) => item.id);
}


describe('a county admin', () => {
  it("sees only their county's cases: queue, counts and detail", async () => {
    const queue = (await adminA.get('/api/staff/cases?status=all')).json();
    expect(queue.items.map((c: { id: number }) => c.id).sort()).toEqual([...cases.a].sort());
    expect(Object.values(queue.counts as Record<string, number>).reduce((n, x) => n + x, 0)).toBe(cases.a.length);
    expect((await adminA.get(`/api/staff/cases/${cases.b[0]}`)).statusCode).toBe(404);
    // The other county's township is no township of theirs.
    expect((await adminA.get(`/api/staff/cases?status=all&township=${B.township}`)).statusCode).toBe(400);
    // The other county's own staff see their case.
    expect(await idsOf(staffB, '/api/staff/cases?status=all')).toEqual(cases.b);
    expect((await adminB.get(`/api/staff/cases/${cases.b[0]}`)).statusCode).toBe(200);
  });

  it("sees only their county's households, regions, accounts, 幸福码 and resources", async () => {
    expect(await idsOf(adminA, '/api/staff/households')).toEqual([households.a]);
    expect((await adminA.get(`/api/staff/households/${households.b}`)).statusCode).toBe(404);
    expect((await adminA.get(`/api/staff/households?township=${B.township}`)).statusCode).toBe(400);
    expect(await idsOf(adminB, '/api/staff/households')).toEqual([households.b]);

    const regions = (await adminA.get('/api/staff/regions')).json() as Array<{ code: string }>;
    expect(regions.length).toBeGreaterThan(1);
    expect(regions.every((r) => countyOf(r.code) === countyA)).toBe(true);

    const users = (await adminA.get('/api/admin/users')).json().items.map((u: { username: string }) => u.username);
    expect(users).toContain('admin_a');
    expect(users).not.toContain('admin_b');
    expect(users).not.toContain('kunyang');
    // Nor can they give an account a township of the other county.
    const foreign = await adminA.send('POST', '/api/admin/users', { username: 'kx01', role: 'township_staff', township: B.township });
    expect(foreign.statusCode).toBe(400);

    const entries = (await adminA.get('/api/admin/entries')).json().items as Array<{ code: string; township: { code: string } }>;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => countyOf(e.township.code) === countyA)).toBe(true);
    const entryB = (await adminB.get('/api/admin/entries')).json().items[0].code as string;

    // A county-wide resource of the other county is in neither its library nor its referral list.
    const resourceB = (await adminB.send('POST', '/api/admin/resources', { kind: 'service', name: '平阳助餐', township: null, serviceTypes: ['助餐'] })).json().id as number;
    expect(await idsOf(adminB, '/api/staff/resources')).toContain(resourceB);
    expect(await idsOf(adminA, '/api/admin/resources')).not.toContain(resourceB);
    expect(await idsOf(adminA, '/api/staff/resources')).not.toContain(resourceB);
    expect((await adminA.send('PUT', `/api/admin/resources/${resourceB}`, { kind: 'service', name: '改名', township: null, serviceTypes: ['助餐'] })).statusCode).toBe(404);
    expect((await adminA.get(`/api/admin/entries/${entryB}/qr.svg`)).statusCode).toBe(404);
    expect((await adminA.send('POST', '/api/admin/entries', { township: B.township })).statusCode).toBe(400);
    expect((await adminA.send('POST', '/api/admin/entries/batch', { village: B.village, lines: '城南 2 号' })).statusCode).toBe(400);
    expect((await adminB.send('POST', '/api/admin/entries/batch', { village: B.village, lines: '城南 2 号' })).statusCode).toBe(201);
  });

  it("counts only their county in the statistics, the register summary and the ledgers", async () => {
    const stats = (await adminA.get('/api/admin/stats')).json();
    expect(stats.total.cases).toBe(cases.a.length);
    expect(stats.townships.every((r: { code: string }) => countyOf(r.code) === countyA)).toBe(true);
    // A township of the other county is no township of theirs; ?county= cannot widen their view.
    expect((await adminA.get(`/api/admin/stats?township=${B.township}`)).statusCode).toBe(400);
    expect((await adminA.get(`/api/admin/stats?county=${B.county}`)).json().total.cases).toBe(cases.a.length);

    const summary = (await adminA.get('/api/admin/register/summary')).json();
    expect(summary.totals.households).toBe(1);
    expect(summary.townships.every((r: { code: string }) => countyOf(r.code) === countyA)).toBe(true);

    const ledger = (await adminA.get('/api/admin/ledger.csv')).body;
    expect(csvRows(ledger)).toHaveLength(cases.a.length);
    expect(ledger).not.toContain('昆阳镇');
    const register = (await adminA.get('/api/admin/register-ledger.csv')).body;
    expect(csvRows(register)).toHaveLength(1);
    expect(register).not.toContain('昆阳镇');
  });

  it('imports no 在册名单 row into the other county', async () => {
    const first17 = '33032619700101021';
    const csv = ['身份证号,姓名,乡镇代码,类别,纳入日期', `${first17}${idNumberCheckChar(first17)},周一,${B.township},低保,2024-01-01`].join('\n');
    const upload = (client: AdminClient) =>
      client.send('POST', '/api/admin/register/import', { fileName: '名单.csv', content: Buffer.from(csv).toString('base64'), preview: true });
    expect((await upload(adminA)).json()).toMatchObject({ imported: 0, rejected: [{ row: 2 }] });
    expect((await upload(adminB)).json()).toMatchObject({ imported: 1, rejected: [] });
  });

  it('raises no 数据预警 in the other county', async () => {
    const first17 = '33032619800101021';
    const csv = ['身份证号,姓名,区划代码,死亡日期,年龄', `${first17}${idNumberCheckChar(first17)},周一,${B.township},2026-11-01,40`].join('\r\n');
    const { id, job } = await importDeaths(t, adminA, csv);
    imports.a2 = id;
    expect(job).toMatchObject({ status: 'done', warnings: 0, rejected: 1 });
    expect(await idsOf(staffB, '/api/staff/cases?status=all')).toEqual(cases.b);
  });

  it("sees only their county's 数据预警 imports", async () => {
    expect(await idsOf(adminA, '/api/admin/signals/imports')).toEqual([imports.a2, imports.a]);
    expect((await adminA.get(`/api/admin/signals/imports/${imports.b}`)).statusCode).toBe(404);
    expect(await idsOf(adminB, '/api/admin/signals/imports')).toEqual([imports.b]);
  });
});

describe('the audit log', () => {
  it("shows a county admin its county's accounts' entries; the province every county's, or one; the command line's only the province", async () => {
    await t.app.repos.audit.record({ actor: 'cli', action: 'retention.redact', detail: '{}' });
    const actors = async (client: AdminClient, query = '') => {
      const res = await client.get(`/api/admin/audit?limit=200${query}`);
      expect(res.statusCode).toBe(200);
      return new Set((res.json().items as Array<{ actor: string }>).map((e) => e.actor));
    };
    // Every account above signed in (audited); admin_b made a 幸福码 and resources, admin_a a resource.
    expect(await actors(adminA)).toEqual(new Set(['admin_a']));
    expect(await actors(adminA, `&county=${B.county}`)).toEqual(new Set(['admin_a']));
    expect(await actors(adminB)).toEqual(new Set(['admin_b', 'kunyang']));
    expect(await actors(province)).toEqual(new Set(['admin_a', 'admin_b', 'kunyang', 'sheng', 'cli']));
    expect(await actors(province, `&county=${B.county}`)).toEqual(new Set(['admin_b', 'kunyang']));
  });
});

describe('an account of no county', () => {
  it('is refused everywhere but its own session, and stays so at start while the database holds several counties', async () => {
    const countyless = [await account('old_admin', 'county_admin', null), await account('old_viewer', 'viewer', null)];
    await settleCountylessRows(t.app.store);
    for (const client of countyless) {
      for (const url of ['/api/staff/cases?status=all', '/api/staff/households', '/api/admin/users', '/api/admin/stats', '/api/admin/ledger.csv', '/api/staff/regions']) {
        const res = await client.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json()).toEqual({ error: { code: 'FORBIDDEN', message: NO_COUNTY_MESSAGE } });
      }
      expect((await client.get('/api/staff/me')).statusCode).toBe(200);
    }
    expect((await t.app.repos.users.findByUsername('old_admin'))?.county).toBeNull();
  });
});

describe('a resource list imported by a county admin', () => {
  it("lands in that county: its townships only, and a county-wide row never updates another county's resource", async () => {
    const resourceA = (await adminA.send('POST', '/api/admin/resources', { kind: 'service', name: '助餐点', township: null, serviceTypes: ['助餐'] })).json().id as number;
    const townshipA = (await t.app.repos.regions.list()).find((r) => r.level === 'township' && countyOf(r.code) === countyA)!.name;
    const csv = `类别,名称,乡镇,服务内容\n社会组织,助餐点,,助餐、助学\n社会组织,外县站,${townshipA},助餐\n`;
    const res = await adminB.send('POST', '/api/admin/resources/import', { file: Buffer.from(csv).toString('base64') });
    expect(res.json()).toMatchObject({ imported: 1, updated: 0, rejected: [{ row: 3 }] });
    const own = await t.app.repos.resources.findByName('助餐点', null, B.county);
    expect(own).toMatchObject({ county: B.county, serviceTypes: ['助餐', '助学'] });
    expect(own!.id).not.toBe(resourceA);
    expect(await t.app.repos.resources.find(resourceA)).toMatchObject({ county: countyA, serviceTypes: ['助餐'] });
  });
});

describe('a province admin', () => {
  it('reads the statistics and the masked ledgers of every county, or of one', async () => {
    const all = (await province.get('/api/admin/stats')).json();
    expect(all.total.cases).toBe(cases.a.length + cases.b.length);
    expect(all.total.name).toBe('全省');
    expect(all.townships.map((r: { code: string }) => r.code)).toContain(B.township);
    expect((await province.get(`/api/admin/stats?county=${B.county}`)).json().total.cases).toBe(cases.b.length);
    expect((await province.get('/api/admin/register/summary')).json().totals.households).toBe(2);

    const ledger = await province.get('/api/admin/ledger.csv');
    expect(ledger.statusCode).toBe(200);
    expect(csvRows(ledger.body)).toHaveLength(cases.a.length + cases.b.length);
    expect(csvRows((await province.get(`/api/admin/ledger.csv?county=${B.county}`)).body)).toHaveLength(cases.b.length);
    expect(csvRows((await province.get('/api/admin/register-ledger.csv')).body)).toHaveLength(2);
    expect((await province.get('/api/staff/me')).json().user.role).toBe('province_admin');
  });

  it('writes nothing and reads no case, household, account or import', async () => {
    for (const url of ['/api/staff/cases', `/api/staff/cases/${cases.a[0]}`, '/api/staff/households', '/api/admin/users', '/api/admin/signals/imports']) {
      const res = await province.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const unmasked = await province.send('POST', '/api/admin/ledger.csv', { reason: '核对' });
    expect(unmasked.statusCode).toBe(403);
    expect(unmasked.json().error.message).toMatch(/权限/);
  });
});
