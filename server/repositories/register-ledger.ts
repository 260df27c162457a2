import type { Engine } from '../db/engine';

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
export function createRegisterLedgerRepository(db: Engine) {
  return {
    /** One batch after `afterId`: at most `limit` rows, whole (an array), in id order. */
    async batch(filter: RegisterLedgerFilter, afterId: number, limit: number): Promise<RegisterLedgerRow[]> {
      const households = await db
        .selectFrom('households as h')
        .leftJoin('regions as t', 't.code', 'h.township')
        .leftJoin('regions as v', 'v.code', 'h.village')
        .select([
          'h.id',
          't.name as township_name',
          'v.name as village_name',
          'h.subject_enc',
          'h.name_masked',
          'h.phone_masked',
          'h.id_masked',
          'h.address_masked',
          'h.category',
          'h.category_since',
          'h.monitored_until',
          'h.level',
          'h.unstable',
          'h.next_visit_on',
          'h.last_visit_on',
          'h.next_review_on',
          'h.open_risks_json',
        ])
        .where('h.id', '>', afterId)
        .$if(filter.township !== undefined, (qb) => qb.where('h.township', '=', filter.township!))
        .$if(filter.category !== undefined, (qb) => qb.where('h.category', '=', filter.category!))
        .$if(filter.level !== undefined, (qb) => qb.where('h.level', '=', filter.level as RegisterLedgerLevel))
        .orderBy('h.id')
        .limit(limit)
        .execute();
      if (households.length === 0) return [];
      // The linked cases of the whole batch in one read, joined here: SQLite's group_concat and PostgreSQL's
      // string_agg differ, and neither promises an order.
      const links = await db
        .selectFrom('household_cases')
        .select(['household_id', 'case_id'])
        .where(
          'household_id',
          'in',
          households.map((h) => h.id),
        )
        .orderBy('household_id')
        .orderBy('case_id')
        .execute();
      const cases = new Map<number, number[]>();
      for (const link of links) cases.set(link.household_id, [...(cases.get(link.household_id) ?? []), link.case_id]);
      return households.map((h) => ({ ...h, cases: cases.get(h.id)?.join('、') ?? null }));
    },
  };
}

type RegisterLedgerLevel = 'red' | 'yellow' | 'blue';

export type RegisterLedgerRepository = ReturnType<typeof createRegisterLedgerRepository>;
