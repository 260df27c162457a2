import type { Engine } from '../db/engine';
import { powerOfTwoPieces } from './bulk';

/**
 * The warnings already raised, by key: HMAC(ID number) + source + signal period. This is everything a
 * department's list leaves behind besides the cases it opened — so the same or an overlapping file raises no duplicate.
 */
export function createWarningKeysRepository(db: Engine) {
  return {
    has: async (key: string): Promise<boolean> =>
      (await db.selectFrom('warning_keys').select('warning_key').where('warning_key', '=', key).executeTakeFirst()) !== undefined,
    /** A key already raised is refused (primary key), as before: callers ask `has` first. */
    async insert(key: string, caseId: number, now: string): Promise<void> {
      await db.insertInto('warning_keys').values({ warning_key: key, case_id: caseId, raised_at: now }).execute();
    },
    /** Many at once (an import batch), in few statement shapes (./bulk.ts); none may be raised already. */
    async insertMany(rows: readonly { key: string; caseId: number }[], now: string): Promise<void> {
      const values = rows.map((r) => ({ warning_key: r.key, case_id: r.caseId, raised_at: now }));
      for (const piece of powerOfTwoPieces(values, 3)) await db.insertInto('warning_keys').values([...piece]).execute();
    },
  };
}

export type WarningKeysRepository = ReturnType<typeof createWarningKeysRepository>;
