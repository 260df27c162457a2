import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../shared/time';
import { buildTestApp, firstActiveEntry, type TestApp } from '../../tests/helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('usage counters', () => {
  it('add scans to the all-time total and to each China day, written together on flush', async () => {
    const entry = await firstActiveEntry(t.app);
    const before = (await t.app.repos.entries.find(entry.code))!.scanCount;
    t.app.counters.scan(entry.code, '2026-11-21');
    t.app.counters.scan(entry.code, '2026-11-22');
    t.app.counters.scan(entry.code, '2026-11-22');
    const byDay = async () =>
      (await sql<{ day: string; scans: number }>`SELECT day, scans FROM scan_counts WHERE entry_code = ${entry.code} ORDER BY day`.execute(t.app.store.db)).rows;
    expect(await byDay()).toEqual([]);
    await t.app.counters.flush();
    expect(await byDay()).toEqual([
      { day: '2026-11-21', scans: 1 },
      { day: '2026-11-22', scans: 2 },
    ]);
    expect((await t.app.repos.entries.find(entry.code))!.scanCount).toBe(before + 3);
    t.app.counters.scan(entry.code, '2026-11-22');
    await t.app.counters.flush();
    expect(await byDay()).toEqual([
      { day: '2026-11-21', scans: 1 },
      { day: '2026-11-22', scans: 3 },
    ]);
  });

  it('count a scan of the landing page under today in China', async () => {
    const entry = await firstActiveEntry(t.app);
    await t.app.counters.flush();
    const today = chinaDate(Date.now());
    const scansToday = async () =>
      (await sql<{ scans: number }>`SELECT scans FROM scan_counts WHERE entry_code = ${entry.code} AND day = ${today}`.execute(t.app.store.db)).rows[0]?.scans ?? 0;
    const before = await scansToday();
    await t.app.inject({ url: `/q/${entry.code}` });
    await t.app.counters.flush();
    expect(await scansToday()).toBe(before + 1);
  });
});
