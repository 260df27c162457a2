import type { DB } from '../db/open';

export type RegionLevel = 'county' | 'township' | 'village';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parent: string | null;
  phone: string | null;
}

export function createRegionsRepository(db: DB) {
  const all = db.prepare<[], Region>('SELECT code, name, level, parent, phone FROM regions ORDER BY code');
  const byCode = db.prepare<[string], Region>('SELECT code, name, level, parent, phone FROM regions WHERE code = ?');
  const insert = db.prepare(
    'INSERT INTO regions (code, name, level, parent, phone) VALUES (@code, @name, @level, @parent, @phone)',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM regions');

  return {
    list: (): Region[] => all.all(),
    find: (code: string): Region | undefined => byCode.get(code),
    findTownship(code: string): Region | undefined {
      const region = byCode.get(code);
      return region?.level === 'township' ? region : undefined;
    },
    /** The village with this code, when it lies in this township. */
    findVillageIn(township: string, code: string): Region | undefined {
      const region = byCode.get(code);
      return region?.level === 'village' && region.parent === township ? region : undefined;
    },
    insert: (region: Region): void => {
      insert.run(region);
    },
    isEmpty: (): boolean => (count.get()?.n ?? 0) === 0,
  };
}

export type RegionsRepository = ReturnType<typeof createRegionsRepository>;
