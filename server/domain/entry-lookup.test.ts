import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, firstActiveEntry, type TestApp } from '../../tests/helpers/test-app';
import { createEntryLookup } from './entry-lookup';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createEntryLookup', () => {
  it("finds a code in any letter case with its township's phone, and nothing for an unknown code", () => {
    const entry = firstActiveEntry(t.app);
    const find = createEntryLookup(t.app.repos);
    const phone = t.app.repos.regions.find(entry.township)!.phone;
    expect(find(` ${entry.code.toLowerCase()} `)).toEqual({ code: entry.code, phone });
    expect(find('NO-SUCH-CODE')).toBeUndefined();
  });

  it('serves repeat lookups from memory until the time-to-live passes, then sees the change', async () => {
    const entry = firstActiveEntry(t.app);
    const find = createEntryLookup(t.app.repos, 50);
    const before = find(entry.code)!.phone;
    t.app.db.prepare('UPDATE regions SET phone = ? WHERE code = ?').run('0577-00000000', entry.township);
    try {
      expect(find(entry.code)!.phone).toBe(before);
      await sleep(80);
      expect(find(entry.code)!.phone).toBe('0577-00000000');
    } finally {
      t.app.db.prepare('UPDATE regions SET phone = ? WHERE code = ?').run(before, entry.township);
    }
  });
});
