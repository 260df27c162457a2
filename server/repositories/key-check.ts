import type { Engine } from '../db/engine';
import { createSettingsRepository } from './settings';

const SETTING = 'key_check';

/** The stored key check value and a sample of data encrypted under the database's key. */
export function createKeyCheckRepository(db: Engine) {
  const settings = createSettingsRepository(db);
  return {
    stored: (): Promise<string | undefined> => settings.get(SETTING),
    store: (value: string): Promise<void> => settings.set(SETTING, value),
    /** Any one encrypted case subject, or failing that any submission's payload. */
    async sampleCiphertext(): Promise<Buffer | undefined> {
      const subject = await db.selectFrom('cases').select('subject_enc').limit(1).executeTakeFirst();
      if (subject) return subject.subject_enc;
      return (await db.selectFrom('submissions').select('payload_enc').limit(1).executeTakeFirst())?.payload_enc;
    },
  };
}

export type KeyCheckRepository = ReturnType<typeof createKeyCheckRepository>;
