import type { DB } from '../db/open';

/**
 * The warnings already raised, by key: HMAC(ID number) + source + signal period. This is everything a
 * department's list leaves behind besides the cases it opened — so the same or an overlapping file raises no duplicate.
 */
export function createWarningKeysRepository(db: DB) {
  const has = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM warning_keys WHERE warning_key = ?');
  const insert = db.prepare('INSERT INTO warning_keys (warning_key, case_id, raised_at) VALUES (?, ?, ?)');
  return {
    has: (key: string): boolean => has.get(key) !== undefined,
    insert: (key: string, caseId: number, now: string): void => {
      insert.run(key, caseId, now);
    },
  };
}

export type WarningKeysRepository = ReturnType<typeof createWarningKeysRepository>;
