import { describe, expect, it } from 'vitest';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import { createRegionsRepository } from '../repositories/regions';
import { cachedRegions, REGION_CACHE_MS } from './region-cache';

const COUNTY = { code: '330327000000', name: '苍南县', level: 'county', parent: null, phone: null } as const;
const LINGXI = { code: '330327100000', name: '灵溪镇', level: 'township', parent: COUNTY.code, phone: null } as const;

describe.each(ENGINES)('region names kept across requests on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('freshly migrated', () => {
    const db = useMigratedEngine(engine);

    it('answers a found region from memory until the limit, then reads it again', async () => {
      const regions = createRegionsRepository(db());
      await regions.insert(COUNTY);
      let now = 0;
      const find = cachedRegions(regions, () => now);
      expect((await find(COUNTY.code))?.name).toBe('苍南县');
      // A hand edit in the database, which the app itself never makes.
      await db().updateTable('regions').set({ name: '苍南' }).where('code', '=', COUNTY.code).execute();
      now = REGION_CACHE_MS - 1;
      expect((await cachedRegions(regions, () => now)(COUNTY.code))?.name).toBe('苍南县');
      now = REGION_CACHE_MS;
      expect((await find(COUNTY.code))?.name).toBe('苍南');
    });

    it('does not remember a code it did not find: a region added later is found', async () => {
      const regions = createRegionsRepository(db());
      const find = cachedRegions(regions);
      expect(await find(LINGXI.code)).toBeUndefined();
      await regions.insert(LINGXI);
      expect((await find(LINGXI.code))?.name).toBe('灵溪镇');
    });
  });
});
