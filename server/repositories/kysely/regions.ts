import type { Engine } from '../../db/engine';
import type { Region } from '../regions';

// PORT IN PROGRESS (issue 16): the async, two-engine twin of ../regions.ts. The app still uses ../regions.ts;
// when every repository has a twin, callers switch to these and the synchronous ones go.

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
    async insert(region: Region): Promise<void> {
      await db.insertInto('regions').values(region).execute();
    },
    async isEmpty(): Promise<boolean> {
      return (await db.selectFrom('regions').select('code').limit(1).executeTakeFirst()) === undefined;
    },
  };
}

export type RegionsRepository = ReturnType<typeof createRegionsRepository>;
