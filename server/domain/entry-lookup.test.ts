import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, firstActiveEntry, type TestApp } from '../../tests/helpers/test-app';
import { createEntryLookup } from './entry-lookup';
import { countyOf } from '../../shared/accounts/scope';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createEntryLookup', () => {
  it("finds a code in any letter case with its township's phone, and nothing for an unknown code", async () => {
    const entry = await firstActiveEntry(t.app);
    const find = createEntryLookup(t.app.store);
    const phone = (await t.app.repos.regions.find(entry.township))!.phone;
    expect(await find(` ${entry.code.toLowerCase()} `)).toEqual({ code: entry.code, phone, county: countyOf(entry.township) });
    expect(await find('NO-SUCH-CODE')).toBeUndefined();
  });

  it('serves repeat lookups from memory until the time-to-live passes, then sees the change', async () => {
    const entry = await firstActiveEntry(t.app);
    const find = createEntryLookup(t.app.store, 50);
    const before = (await find(entry.code))!.phone;
    const setPhone = (phone: string | null) => sql`UPDATE regions SET phone = ${phone} WHERE code = ${entry.township}`.execute(t.app.store.db);
    await setPhone('0577-00000000');
    try {
      expect((await find(entry.code))!.phone).toBe(before);
      await sleep(80);
      expect((await find(entry.code))!.phone).toBe('0577-00000000');
    } finally {
      await setPhone(before);
    }
  });
});
