import type { DB } from '../db/open';

export interface RegisterLedgerFilter {
  township?: string;
  category?: string;
  level?: string;
}

export interface RegisterLedgerRow {
  id: number;
  township_name: string | null;
  village_name: string | null;
  subject_enc: Buffer;
  name_masked: string;
  phone_masked: string | null;
  id_masked: string | null;
  address_masked: string | null;
  category: string;
  category_since: string;
  monitored_until: string | null;
  level: string;
  unstable: number;
  next_visit_on: string;
  last_visit_on: string | null;
  next_review_on: string | null;
  open_risks_json: string;
  cases: string | null;
}

/** The register's 台账: households in id order, in batches, with the ids of the cases linked to each. */
export function createRegisterLedgerRepository(db: DB) {
  const batch = db.prepare<Record<string, unknown>, RegisterLedgerRow>(`SELECT h.id, t.name AS township_name, v.name AS village_name,
      h.subject_enc, h.name_masked, h.phone_masked, h.id_masked, h.address_masked, h.category, h.category_since, h.monitored_until,
      h.level, h.unstable, h.next_visit_on, h.last_visit_on, h.next_review_on, h.open_risks_json,
      (SELECT group_concat(l.case_id, '、') FROM household_cases l WHERE l.household_id = h.id) AS cases
    FROM households h
      LEFT JOIN regions t ON t.code = h.township
      LEFT JOIN regions v ON v.code = h.village
    WHERE h.id > @afterId
      AND (@township IS NULL OR h.township = @township)
      AND (@category IS NULL OR h.category = @category)
      AND (@level IS NULL OR h.level = @level)
    ORDER BY h.id LIMIT @limit`);

  return {
    *batch(filter: RegisterLedgerFilter, afterId: number, limit: number): Generator<RegisterLedgerRow> {
      yield* batch.iterate({ afterId, limit, township: filter.township ?? null, category: filter.category ?? null, level: filter.level ?? null });
    },
  };
}

export type RegisterLedgerRepository = ReturnType<typeof createRegisterLedgerRepository>;
