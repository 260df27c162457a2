import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, firstActiveEntry, type TestApp } from '../../../tests/helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('answers ok when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /api/entries/:code', () => {
  it('describes an active entry point with its township and phone', async () => {
    const entry = await firstActiveEntry(t.app);
    const res = await t.app.inject({ method: 'GET', url: `/api/entries/${entry.code}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ code: entry.code, active: true, township: { code: entry.township } });
    expect(body.township.name).toMatch(/镇$/);
    expect(body.phone).toMatch(/^0577-/);
  });

  it('accepts a code a scanner lower-cased', async () => {
    const entry = await firstActiveEntry(t.app);
    const res = await t.app.inject({ method: 'GET', url: `/api/entries/${entry.code.toLowerCase()}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().code).toBe(entry.code);
  });

  it('answers 404 ENTRY_NOT_FOUND for an unknown code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/entries/ZZZZZZZZZZ' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ENTRY_NOT_FOUND');
    expect(res.json().error.message).toMatch(/幸福码/);
  });

  it('answers 410 ENTRY_DISABLED with the township phone for a disabled code', async () => {
    const entry = (await t.app.repos.entries.list())[1]!;
    await t.app.repos.entries.setActive(entry.code, false, '门牌更换');
    try {
      const res = await t.app.inject({ method: 'GET', url: `/api/entries/${entry.code}` });
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('ENTRY_DISABLED');
      expect(res.json().error.message).toMatch(/0577-/);
    } finally {
      await t.app.repos.entries.setActive(entry.code, true, null);
    }
  });
});

describe('GET /q/:code', () => {
  it('renders the township name into the HTML and counts the scan', async () => {
    const entry = await firstActiveEntry(t.app);
    const before = (await t.app.repos.entries.find(entry.code))!.scanCount;
    const res = await t.app.inject({ method: 'GET', url: `/q/${entry.code}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const township = (await t.app.repos.regions.find(entry.township))!.name;
    expect(res.body).toContain(township);
    expect(res.body).toContain('自助测一测');
    expect(res.body).toContain('帮别人反映困难');
    expect(res.body).toContain('<script type="application/json" id="boot">');
    await t.app.counters.flush();
    expect((await t.app.repos.entries.find(entry.code))!.scanCount).toBe(before + 1);
  });

  it('shows a friendly page with 404 for an unknown code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/q/NOSUCHCODE' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('没有找到这个幸福码');
    // No township to call: the county's civil-affairs phone, in the page and in the boot data for the app.
    const countyPhone = (await t.app.repos.regions.list()).find((r) => r.level === 'county')!.phone!;
    expect(res.body).toContain(`tel:${countyPhone}`);
    expect(res.body).toContain(`"countyPhone":"${countyPhone}"`);
  });

  it('shows whom to call with 410 for a disabled code, and does not count it', async () => {
    const entry = (await t.app.repos.entries.list())[2]!;
    await t.app.repos.entries.setActive(entry.code, false, '停用');
    const before = (await t.app.repos.entries.find(entry.code))!.scanCount;
    const res = await t.app.inject({ method: 'GET', url: `/q/${entry.code}` });
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('已停用');
    expect(res.body).toMatch(/tel:0577-/);
    await t.app.counters.flush();
    expect((await t.app.repos.entries.find(entry.code))!.scanCount).toBe(before);
  });

  it('escapes a hostile label instead of rendering it', async () => {
    const entry = await firstActiveEntry(t.app);
    await sql`UPDATE entry_points SET label = ${'<script>alert(1)</script>'} WHERE code = ${entry.code}`.execute(t.app.store.db);
    const res = await t.app.inject({ method: 'GET', url: `/q/${entry.code}` });
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
