import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyOf, NO_COUNTY_MESSAGE } from '../../shared/accounts/scope';
import { settleCountylessRows } from '../../server/domain/bootstrap';
import { idNumberCheckChar } from '../../shared/identity/id-number';
import { chinaDate } from '../../server/domain/clock';
import { HARDSHIP_ANSWERS } from '../fixtures/households';
import { hashPassword } from '../../server/domain/passwords';
import { signIn, type AdminClient } from '../helpers/admin';
import { newHousehold } from '../helpers/register-fixtures';
import { TEST_PASSWORD } from '../helpers/staff';
import { submitRequest } from '../helpers/submissions';
import { buildTestApp, firstActiveEntry, type TestApp } from '../helpers/test-app';

// Two counties in one database (#16): the demo county (苍南县, A) and a second one (平阳县, B) added here.
const B = { county: '330326000000', township: '330326100000', village: '330326100201' };

let t: TestApp;
let countyA: string;
let adminA: AdminClient;
let adminB: AdminClient;
let staffB: AdminClient;
let province: AdminClient;
const cases = { a: [] as number[], b: [] as number[] };
const households = { a: 0, b: 0 };
const imports = { a: 0, b: 0, a2: 0 };

async function account(username: string, role: 'county_admin' | 'township_staff' | 'viewer' | 'province_admin', county: string | null, township: string | null = null) {
  await t.app.repos.users.create({ username, passwordHash: await hashPassword(TEST_PASSWORD), role, township, county, mustChangePassword: false });
  return signIn(t.app, username);
}

async function household(township: string, village: string, key: string) {
  return t.app.repos.households.insert(
    newHousehold({ person_key: key, township, village, subject_enc: t.app.vault.encrypt({ name: '王五', phone: null, idNumber: null, address: null }) }),
  );
}

beforeAll(async () => {
  t = await buildTestApp();
  const entryA = await firstActiveEntry(t.app);
  countyA = countyOf(entryA.township);
  for (const region of [
    { code: B.county, name: '平阳县', level: 'county' as const, parent: null, phone: null },
    { code: B.township, name: '昆阳镇', level: 'township' as const, parent: B.county, phone: null },
    { code: B.village, name: '城南社区', level: 'village' as const, parent: B.township, phone: null },
  ]) {
    await t.app.repos.regions.insert(region);
  }
  adminA = await account('admin_a', 'county_admin', countyA);
  adminB = await account('admin_b', 'county_admin', B.county);
  staffB = await account('kunyang', 'township_staff', null, B.township);
  province = await account('sheng', 'province_admin', null);

  const entryB = await adminB.send('POST', '/api/admin/entries', { township: B.township, village: B.village, label: '城南 1 号' });
  expect(entryB.statusCode).toBe(201);
  for (let i = 0; i < 2; i++) cases.a.push((await submitRequest(t.app, { entryCode: entryA.code })).caseId);
  cases.b.push((await submitRequest(t.app, { entryCode: entryB.json().code as string })).caseId);
  households.a = await household(entryA.township, '', 'pk-a');
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

/** Uploads a 死亡 signal file as `client` and waits for its import job to finish. */
async function importDeaths(client: AdminClient, csv: string) {
  const upload = await t.app.inject({
    method: 'POST',
    url: `/api/admin/signals/imports?source=death&fileName=${encodeURIComponent('死亡.csv')}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv),
  });
  expect(upload.statusCode).toBe(202);
  const id = upload.json().id as number;
  let job = (await client.get(`/api/admin/signals/imports/${id}`)).json();
  while (job.status !== 'done' && job.status !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = (await client.get(`/api/admin/signals/imports/${id}`)).json();
  }
  return { id, job };
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
    const { id, job } = await importDeaths(adminA, csv);
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

describe('warning rules', () => {
  const rules = (effectiveFrom: string, min: number, max: number) => ({
    effectiveFrom,
    source: '县民政局会议',
    values: { medicalSelfPaidYuan: 20_000, disabilityGrades: ['一级', '二级'], deathAgeBand: { min, max } },
  });

  it("are each county's own: saved, listed and applied to its imports; the versions saved before stay in force everywhere", async () => {
    const today = chinaDate(new Date().toISOString());
    const savedB = await adminB.send('POST', '/api/admin/signals/rules', rules(today, 52, 60));
    expect(savedB.statusCode).toBe(201);
    expect(savedB.json().current.deathAgeBand).toEqual({ min: 52, max: 60 });
    // The other county neither sees nor uses it, and may date its own version on the same day as the other's.
    const listA = (await adminA.get('/api/admin/signals/rules')).json();
    expect(listA.versions).toEqual([]);
    expect(listA.current.deathAgeBand).toEqual({ min: 25, max: 50 });
    expect((await adminA.send('POST', '/api/admin/signals/rules', rules('2099-01-01', 30, 40))).statusCode).toBe(201);
    expect((await adminB.send('POST', '/api/admin/signals/rules', rules('2099-01-01', 30, 45))).statusCode).toBe(201);
    expect((await adminB.send('POST', '/api/admin/signals/rules', rules('2099-01-01', 30, 46))).json().error.fields).toHaveProperty('effectiveFrom');

    // A province-wide version (saved before #16, no county) is in both counties' timelines.
    await t.app.store.db.insertInto('warning_rule_versions').values({ effective_from: '2098-01-01', values_json: JSON.stringify(rules('', 1, 2).values), source: '旧版本', created_at: today, created_by: 'admin', county: null }).execute();
    const days = async (client: AdminClient) => (await client.get('/api/admin/signals/rules')).json().versions.map((v: { effectiveFrom: string }) => v.effectiveFrom);
    expect(await days(adminA)).toEqual(['2098-01-01', '2099-01-01']);
    expect(await days(adminB)).toEqual([today, '2098-01-01', '2099-01-01']);

    // B's import warns on deaths at 52–60 (the shipped rule, still A's, warns at 25–50).
    const row = (n: number, age: number) => {
      const first17 = `330326${2026 - age - 1}0101${n}21`;
      return `${first17}${idNumberCheckChar(first17)},周${n},${B.township},2026-11-01,${age}`;
    };
    const csv = ['身份证号,姓名,区划代码,死亡日期,年龄', row(1, 40), row(2, 55), row(3, 57)].join('\r\n');
    const { job } = await importDeaths(adminB, csv);
    expect(job).toMatchObject({ status: 'done', rejected: 0, warnings: 2 });
  });
});

describe('screening parameters', () => {
  it("are each county's own: saved, listed, withdrawn, and applied to the self-checks of its 幸福码", async () => {
    const today = chinaDate(new Date().toISOString());
    const before = (await adminB.get('/api/admin/parameters')).json();
    const save = (client: AdminClient, effectiveFrom: string, dibaoStandard: number) =>
      client.send('POST', '/api/admin/parameters', { effectiveFrom, source: '县民政局文件', values: { ...before.current, dibaoStandard } });
    const savedB = await save(adminB, today, 99_999);
    expect(savedB.statusCode).toBe(201);
    expect(savedB.json().current.dibaoStandard).toBe(99_999);
    // The other county neither sees nor uses it, may date its own on the same day, and cannot withdraw the other's.
    const listA = (await adminA.get('/api/admin/parameters')).json();
    expect(listA.versions).toEqual([]);
    expect(listA.current.dibaoStandard).toBe(before.current.dibaoStandard);
    const futureB = (await save(adminB, '2099-01-01', 88_888)).json().versions.find((v: { effectiveFrom: string }) => v.effectiveFrom === '2099-01-01').id as number;
    expect((await save(adminA, '2099-01-01', 77_777)).statusCode).toBe(201);
    expect((await adminA.send('POST', `/api/admin/parameters/${futureB}/withdraw`, {})).statusCode).toBe(404);
    expect((await adminB.send('POST', `/api/admin/parameters/${futureB}/withdraw`, {})).statusCode).toBe(200);

    // A resident's self-check is judged by the parameters of the county its 幸福码 lies in.
    const codeOf = async (client: AdminClient) => (await client.get('/api/admin/entries')).json().items[0].code as string;
    const check = async (entryCode: string) =>
      (await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: HARDSHIP_ANSWERS, entryCode } })).json().rulesVersion as string;
    expect(await check(await codeOf(adminB))).toContain(today);
    expect(await check(await codeOf(adminA))).not.toContain(today);
  });
});

describe('the policy library', () => {
  it("is each county's own: edited, added, listed, and shown on the self-checks and the public list of its county", async () => {
    const codeOf = async (client: AdminClient) => (await client.get('/api/admin/entries')).json().items[0].code as string;
    const matched = async (entryCode: string) =>
      (await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: HARDSHIP_ANSWERS, entryCode } })).json().policies as Array<{ id: string; name: string }>;
    const [codeA, codeB] = [await codeOf(adminA), await codeOf(adminB)];
    const policy = (await matched(codeA))[0]!;
    const shipped = (await adminB.get('/api/admin/policies')).json().items.find((p: { id: string }) => p.id === policy.id);
    const { id: _id, updatedAt: _u, updatedBy: _b, ...fields } = shipped;

    // B edits a province-wide entry: B's own copy; A's library keeps the entry as it was.
    expect((await adminB.send('PUT', `/api/admin/policies/${policy.id}`, { ...fields, name: '平阳县的版本' })).json()).toMatchObject({ name: '平阳县的版本', updatedBy: 'admin_b' });
    const namesOf = async (client: AdminClient) => (await client.get('/api/admin/policies')).json().items.map((p: { id: string; name: string }) => `${p.id}:${p.name}`);
    expect(await namesOf(adminA)).toContain(`${policy.id}:${policy.name}`);
    expect(await namesOf(adminB)).toContain(`${policy.id}:平阳县的版本`);
    expect((await namesOf(adminB)).length).toBe((await namesOf(adminA)).length);

    // B adds an entry: not in A's library; A may add its own under the same id.
    const added = { ...fields, id: 'county_only', name: '平阳县助学' };
    expect((await adminB.send('POST', '/api/admin/policies', added)).statusCode).toBe(201);
    expect(await namesOf(adminA)).not.toContain('county_only:平阳县助学');
    expect((await adminA.send('PUT', '/api/admin/policies/county_only', fields)).statusCode).toBe(404);
    expect((await adminA.send('POST', '/api/admin/policies', { ...added, name: '苍南县助学' })).statusCode).toBe(201);
    expect(await namesOf(adminB)).toContain('county_only:平阳县助学');

    // Residents: a self-check shows the library of its 幸福码's county; the public list that of the county asked for.
    expect((await matched(codeB)).find((p) => p.id === policy.id)?.name).toBe('平阳县的版本');
    expect((await matched(codeA)).find((p) => p.id === policy.id)?.name).toBe(policy.name);
    const publicNames = async (county: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/policies?county=${county}` })).json().policies.map((p: { name: string }) => p.name);
    expect(await publicNames(B.county)).toEqual(expect.arrayContaining(['平阳县的版本', '平阳县助学']));
    expect(await publicNames(countyA)).toEqual(expect.arrayContaining([policy.name, '苍南县助学']));
    expect(await publicNames(countyA)).not.toContain('平阳县的版本');
    // Edits arriving at once make one copy of the county's.
    const second = (await adminB.get('/api/admin/policies')).json().items.find((p: { id: string; updatedBy: string | null }) => p.id !== policy.id && p.updatedBy === null);
    const { id: secondId, updatedAt: _su, updatedBy: _sb, ...secondFields } = second;
    const edits = await Promise.all([1, 2, 3, 4, 5].map((n) => adminB.send('PUT', `/api/admin/policies/${secondId}`, { ...secondFields, name: `同时改 ${n}` })));
    expect(edits.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const copies = await t.app.store.db.selectFrom('policies').select('county').where('id', '=', secondId).execute();
    expect(copies.map((r) => r.county).sort()).toEqual([B.county, null]);
    // The province writes none of it.
    expect((await province.send('PUT', `/api/admin/policies/${policy.id}`, { ...fields, name: '省里改的' })).statusCode).toBe(403);
  });
});

describe('the warning-rule preview', () => {
  it("counts on the county's own last import of each source: one county's import leaves the other's figures alone", async () => {
    const now = new Date().toISOString();
    await t.app.repos.warningRules.keepFigures(countyA, 'death', JSON.stringify({ source: 'death', ages: [30] }), null, now);
    await t.app.repos.warningRules.keepFigures(B.county, 'death', JSON.stringify({ source: 'death', ages: [40, 55, 57] }), null, now);
    const rowsOf = async (client: AdminClient) => {
      const preview = await client.send('POST', '/api/admin/signals/rules/preview', {
        effectiveFrom: '2097-01-01',
        source: '试算一下',
        values: { medicalSelfPaidYuan: 20_000, disabilityGrades: ['一级'], deathAgeBand: { min: 20, max: 60 } },
      });
      expect(preview.statusCode).toBe(200);
      return preview.json().lines.map((l: { source: string; rows: number }) => `${l.source}:${l.rows}`);
    };
    expect(await rowsOf(adminA)).toEqual(['death:1']);
    expect(await rowsOf(adminB)).toEqual(['death:3']);
  });
});

describe('the screening parameters page', () => {
  it("names the admin's own county", async () => {
    // The shipped county keeps its full name, as before; another county is named from the regions.
    expect((await adminA.get('/api/admin/parameters')).json().region).toEqual({ code: countyA.slice(0, 6), name: '浙江省温州市苍南县' });
    expect((await adminB.get('/api/admin/parameters')).json().region).toEqual({ code: '330326', name: '平阳县' });
  });
});
