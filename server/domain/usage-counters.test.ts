import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../shared/time';
import { buildTestApp, firstActiveEntry, type TestApp } from '../../tests/helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('usage counters', () => {
  it('add scans to the all-time total and to each China day, written together on flush', () => {
    const entry = firstActiveEntry(t.app);
    const before = t.app.repos.entries.find(entry.code)!.scanCount;
    t.app.counters.scan(entry.code, '2026-11-21');
    t.app.counters.scan(entry.code, '2026-11-22');
    t.app.counters.scan(entry.code, '2026-11-22');
    const byDay = () => t.app.db.prepare('SELECT day, scans FROM scan_counts WHERE entry_code = ? ORDER BY day').all(entry.code);
    expect(byDay()).toEqual([]);
    t.app.counters.flush();
    expect(byDay()).toEqual([
      { day: '2026-11-21', scans: 1 },
      { day: '2026-11-22', scans: 2 },
    ]);
    expect(t.app.repos.entries.find(entry.code)!.scanCount).toBe(before + 3);
    t.app.counters.scan(entry.code, '2026-11-22');
    t.app.counters.flush();
    expect(byDay()).toEqual([
      { day: '2026-11-21', scans: 1 },
      { day: '2026-11-22', scans: 3 },
    ]);
  });

  it('count a scan of the landing page under today in China', async () => {
    const entry = firstActiveEntry(t.app);
    t.app.counters.flush();
    const today = chinaDate(Date.now());
    const scansToday = () => (t.app.db.prepare('SELECT scans FROM scan_counts WHERE entry_code = ? AND day = ?').pluck().get(entry.code, today) as number | undefined) ?? 0;
    const before = scansToday();
    await t.app.inject({ url: `/q/${entry.code}` });
    t.app.counters.flush();
    expect(scansToday()).toBe(before + 1);
  });
});
