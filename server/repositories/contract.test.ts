import { describe, expect, it } from 'vitest';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import type { Region } from './regions';
import { createRegionsRepository } from './regions';
import { createSettingsRepository } from './settings';

const county: Region = { code: '330327000000', name: '苍南县', level: 'county', parent: null, phone: null };
const township: Region = { code: '330327100000', name: '灵溪镇', level: 'township', parent: county.code, phone: '0577-64781234' };
const village: Region = { code: '330327100201', name: '渎浦村', level: 'village', parent: township.code, phone: null };
const earlierTownship: Region = { code: '330327050000', name: '钱库镇', level: 'township', parent: county.code, phone: null };

// The same expectations on both engines: a repository passes here before the app may use it on PostgreSQL.
describe.each(ENGINES)('repositories on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('freshly migrated', () => {
    const db = useMigratedEngine(engine);

    describe('regions', () => {
      it('starts empty, then lists, finds and tells townships apart', async () => {
        const regions = createRegionsRepository(db());
        expect(await regions.isEmpty()).toBe(true);
        // The last one inserted sorts second: the list comes back by code on both engines.
        for (const region of [county, township, village, earlierTownship]) await regions.insert(region);
        expect(await regions.isEmpty()).toBe(false);
        expect(await regions.list()).toEqual([county, earlierTownship, township, village]);
        expect(await regions.find(village.code)).toEqual(village);
        expect(await regions.find('999999999999')).toBeUndefined();
        expect(await regions.findTownship(township.code)).toEqual(township);
        expect(await regions.findTownship(village.code)).toBeUndefined();
      });

      it('refuses a parent that does not exist and a level outside the three', async () => {
        const regions = createRegionsRepository(db());
        await expect(regions.insert({ ...village, code: '330327100202', parent: '330327999000' })).rejects.toThrow(/foreign key/i);
        await expect(
          regions.insert({ ...village, code: '330327100203', level: 'province' as Region['level'] }),
        ).rejects.toThrow(/check constraint/i);
        expect(await regions.find('330327100202')).toBeUndefined();
      });
    });

    describe('settings', () => {
      it('reads nothing for an unknown key, then the latest value written', async () => {
        const settings = createSettingsRepository(db());
        expect(await settings.get('demo_loaded')).toBeUndefined();
        await settings.set('demo_loaded', '2026-11-29');
        expect(await settings.get('demo_loaded')).toBe('2026-11-29');
        await settings.set('demo_loaded', '2026-11-30');
        expect(await settings.get('demo_loaded')).toBe('2026-11-30');
        await settings.set('其他', '值');
        expect(await settings.get('demo_loaded')).toBe('2026-11-30');
        expect(await settings.get('其他')).toBe('值');
      });
    });
  });
});
