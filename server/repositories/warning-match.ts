import { sql } from 'kysely';
import type { Engine } from '../db/engine';
import type { RiskLevel } from '../../shared/cases/risk';
import { paddedInList } from './bulk';

export interface RegisteredPerson {
  township: string;
  village: string | null;
  subjectEnc: Buffer;
}

export interface OpenCaseOfPerson {
  id: number;
  level: RiskLevel;
  subjectEnc: Buffer;
}

/**
 * A batch of a department's rows looked up at once by the keyed hashes of their ID numbers: who is in the register,
 * who has an open case (the newest, in any township), which warnings were raised already. Three queries per batch
 * instead of three per row keeps a 200,000-row import short on either engine; the lists are padded to a few sizes
 * (./bulk.ts) so SQLite prepares each shape once. A batch must fit SQLite's bound-parameter limit.
 */
export function createWarningMatchRepository(db: Engine) {
  return {
    async registered(personKeys: readonly string[]): Promise<Map<string, RegisteredPerson>> {
      const found = new Map<string, RegisteredPerson>();
      if (!personKeys.length) return found;
      // households is typed by the register's own schema file; plain SQL that both engines accept.
      const { rows } = await sql<{ person_key: string; township: string; village: string | null; subject_enc: Buffer }>`
        SELECT person_key, township, village, subject_enc FROM households WHERE person_key IN (${sql.join(paddedInList(personKeys))})`.execute(db);
      for (const r of rows) found.set(r.person_key, { township: r.township, village: r.village || null, subjectEnc: r.subject_enc });
      return found;
    },
    async openCases(personKeys: readonly string[]): Promise<Map<string, OpenCaseOfPerson>> {
      const found = new Map<string, OpenCaseOfPerson>();
      if (!personKeys.length) return found;
      const rows = await db
        .selectFrom('cases')
        .select(['id', 'person_key', 'level', 'subject_enc'])
        .where('person_key', 'in', paddedInList(personKeys))
        .where('closed_at', 'is', null)
        .orderBy('id', 'desc')
        .execute();
      // Newest first: the first seen per person is the one a warning joins.
      for (const r of rows) if (r.person_key && !found.has(r.person_key)) found.set(r.person_key, { id: Number(r.id), level: r.level as RiskLevel, subjectEnc: r.subject_enc as Buffer });
      return found;
    },
    async raised(warningKeys: readonly string[]): Promise<Set<string>> {
      if (!warningKeys.length) return new Set();
      const rows = await db.selectFrom('warning_keys').select('warning_key').where('warning_key', 'in', paddedInList(warningKeys)).execute();
      return new Set(rows.map((r) => r.warning_key));
    },
  };
}

export type WarningMatchRepository = ReturnType<typeof createWarningMatchRepository>;
