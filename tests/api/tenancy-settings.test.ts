import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../server/domain/clock';
import { idNumberCheckChar } from '../../shared/identity/id-number';
import { HARDSHIP_ANSWERS } from '../fixtures/households';
import type { AdminClient } from '../helpers/admin';
import type { TestApp } from '../helpers/test-app';
import { B, buildTwoCounties, importDeaths } from '../helpers/two-counties';

// Each county's own settings in one database of two counties (#16): warning rules, screening parameters, the policy
// library, the warning-rule preview and the parameters page. Versions saved before #16 (no county) stay in force
// everywhere. What each county's staff may read is in tenancy.test.ts.
let t: TestApp;
let countyA: string;
let adminA: AdminClient;
let adminB: AdminClient;
let province: AdminClient;

beforeAll(async () => {
  ({ t, countyA, adminA, adminB, province } = await buildTwoCounties());
});
afterAll(() => t.close());

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
    const { job } = await importDeaths(t, adminB, csv);
    expect(job).toMatchObject({ status: 'done', rejected: 0, warnings: 2 });
  });
});

describe('screening parameters', () => {
  it("are each county's own: saved, listed, withdrawn, and applied to the self-checks of its 幸福码", async () => {
    const today = chinaDate(new Date().toISOString());
    const codeOf = async (client: AdminClient) => (await client.get('/api/admin/entries')).json().items[0].code as string;
    const check = async (entryCode: string) =>
      (await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: HARDSHIP_ANSWERS, entryCode } })).json().rulesVersion as string;
    // Before B saves any: the same figures as A, but each result's version names the county whose figures it used.
    const [shippedA, shippedB] = [await check(await codeOf(adminA)), await check(await codeOf(adminB))];
    expect(shippedA).toMatch(/^1\.0\/330327@/);
    expect(shippedB).toBe(shippedA.replace('330327@', '330326@'));
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
    expect(await check(await codeOf(adminB))).toBe(`1.0/330326@${today}`);
    expect(await check(await codeOf(adminA))).toBe(shippedA);
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
