import type { Engine } from '../db/engine';

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
    /** Many at once (an import batch), in pieces under SQLite's bound-parameter limit; none may be raised already. */
    async insertMany(rows: readonly { key: string; caseId: number }[], now: string): Promise<void> {
      for (let i = 0; i < rows.length; i += 10_000) {
        const values = rows.slice(i, i + 10_000).map((r) => ({ warning_key: r.key, case_id: r.caseId, raised_at: now }));
        await db.insertInto('warning_keys').values(values).execute();
      }
    },
  };
}

export type WarningKeysRepository = ReturnType<typeof createWarningKeysRepository>;
