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
    async isEmpty(): Promise<boolean> {
      return (await db.selectFrom('regions').select('code').limit(1).executeTakeFirst()) === undefined;
    },
  };
}

export type RegionsRepository = ReturnType<typeof createRegionsRepository>;
