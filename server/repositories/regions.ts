import type { Engine } from '../db/engine';

export type RegionLevel = 'county' | 'township' | 'village';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parent: string | null;
  phone: string | null;
}

const COLUMNS = ['code', 'name', 'level', 'parent', 'phone'] as const;

export function createRegionsRepository(db: Engine) {
  const find = (code: string): Promise<Region | undefined> =>
    db.selectFrom('regions').select(COLUMNS).where('code', '=', code).executeTakeFirst();
  return {
    list: (): Promise<Region[]> => db.selectFrom('regions').select(COLUMNS).orderBy('code').execute(),
    find,
    async findTownship(code: string): Promise<Region | undefined> {
      const region = await find(code);
      return region?.level === 'township' ? region : undefined;
    },
    /** The village with this code, when it lies in this township. */
    async findVillageIn(township: string, code: string): Promise<Region | undefined> {
      const region = await find(code);
      return region?.level === 'village' && region.parent === township ? region : undefined;
    },
    async insert(region: Region): Promise<void> {
      await db.insertInto('regions').values(region).execute();
    },
    /** The county the regions hold when they hold exactly one (a single-county install), else null. */
    async onlyCounty(): Promise<string | null> {
      const counties = await db.selectFrom('regions').select('code').where('level', '=', 'county').limit(2).execute();
      return counties.length === 1 ? counties[0]!.code : null;
    },
    async isEmpty(): Promise<boolean> {
      return (await db.selectFrom('regions').select('code').limit(1).executeTakeFirst()) === undefined;
    },
  };
}

export type RegionsRepository = ReturnType<typeof createRegionsRepository>;
