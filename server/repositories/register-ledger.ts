import type { Selectable } from 'kysely';
import type { Engine } from '../db/engine';
import type { HouseholdsTable } from '../db/schema-register';
import { ledgerPersonColumns, type LedgerPersonColumns } from './ledger-columns';

export interface RegisterLedgerFilter {
  township?: string;
  /** One county (#16); left out: every county. */
  county?: string;
  category?: string;
  level?: string;
}

/** A household as the 台账 lists it: the person, the register's columns, and its linked cases' ids (、-joined). */
export type RegisterLedgerRow = LedgerPersonColumns &
  Pick<
    Selectable<HouseholdsTable>,
    | 'category'
    | 'category_since'
    | 'monitored_until'
    | 'level'
    | 'unstable'
    | 'next_visit_on'
    | 'last_visit_on'
    | 'next_review_on'
    | 'open_risks_json'
  > & { cases: string | null };

/** The register's 台账: households in id order, in batches, with the ids of the cases linked to each. */
export function createRegisterLedgerRepository(db: Engine) {
  return {
    /** One batch after `afterId`: at most `limit` rows, whole (an array), in id order. */
    async batch(filter: RegisterLedgerFilter, afterId: number, limit: number): Promise<RegisterLedgerRow[]> {
      const households = await db
        .selectFrom('households as h')
        .leftJoin('regions as t', 't.code', 'h.township')
        .leftJoin('regions as v', 'v.code', 'h.village')
        .select(ledgerPersonColumns('h'))
        .select([
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
        .$if(filter.county !== undefined, (qb) => qb.where('h.county', '=', filter.county!))
        .$if(filter.category !== undefined, (qb) => qb.where('h.category', '=', filter.category!))
        .$if(filter.level !== undefined, (qb) => qb.where('h.level', '=', filter.level as HouseholdsTable['level']))
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

export type RegisterLedgerRepository = ReturnType<typeof createRegisterLedgerRepository>;
