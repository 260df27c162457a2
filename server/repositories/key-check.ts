import type { DB } from '../db/open';

const SETTING = 'key_check';

/** The stored key check value and a sample of data encrypted under the database's key. */
export function createKeyCheckRepository(db: DB) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const sample = db.prepare<[], { blob: Buffer }>(
    `SELECT blob FROM (
       SELECT subject_enc AS blob FROM (SELECT subject_enc FROM cases LIMIT 1)
       UNION ALL SELECT payload_enc FROM (SELECT payload_enc FROM submissions LIMIT 1)
     ) LIMIT 1`,
  );
  return {
    stored: (): string | undefined => get.get(SETTING)?.value,
    store: (value: string): void => {
      set.run(SETTING, value);
    },
    sampleCiphertext: (): Buffer | undefined => sample.get()?.blob,
  };
}

export type KeyCheckRepository = ReturnType<typeof createKeyCheckRepository>;
