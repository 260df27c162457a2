import type { Engine } from '../db/engine';
import type { CasesTable } from '../db/schema';
import { householdsOfCase } from './households-of-case';
import { ledgerPersonColumns, type LedgerPersonColumns } from './ledger-columns';

export interface LedgerFilter {
  township?: string;
  /** One county (#16); left out: every county. */
  county?: string;
  village?: string;
  /** A status, 'open' (not closed) or 'all'. */
  status: string;
  level?: string;
  source?: string;
  targetClass?: string;
  overdueAsOf?: string;
}

export interface LedgerRow extends LedgerPersonColumns {
  source: string;
  status: string;
  level: string;
  target_class: string | null;
  due_at: string | null;
  created_at: string;
  closed_at: string | null;
  assignee: string | null;
  first_contact_at: string | null;
}

export interface DecisionRow {
  case_id: number;
  at: string;
  detail_enc: Buffer | null;
}

/** The 台账: cases filtered like the queue, in id order, read in batches so no read stays open across awaits. */
export function createLedgerRepository(db: Engine) {
  return {
    /** One batch after `afterId`: at most `limit` rows, whole (an array), in id order. */
    batch(filter: LedgerFilter, afterId: number, limit: number): Promise<LedgerRow[]> {
      const status = filter.status === 'open' || filter.status === 'all' ? null : filter.status;
      return db
        .selectFrom('cases as k')
        .leftJoin('regions as t', 't.code', 'k.township')
        .leftJoin('regions as v', 'v.code', 'k.village')
        .leftJoin('staff_users as u', 'u.id', 'k.assignee_id')
        .select(ledgerPersonColumns('k'))
        .select([
          'k.source',
          'k.status',
          'k.level',
          'k.target_class',
          'k.due_at',
          'k.created_at',
          'k.closed_at',
          'u.username as assignee',
          (eb) =>
            eb
              .selectFrom('case_events as e')
              .select((e) => e.fn.min('e.at').as('at'))
              .whereRef('e.case_id', '=', 'k.id')
              .where('e.type', 'in', ['contact', 'visit'])
              .as('first_contact_at'),
        ])
        .where('k.id', '>', afterId)
        .$if(filter.township !== undefined, (qb) => qb.where('k.township', '=', filter.township!))
        .$if(filter.county !== undefined, (qb) => qb.where('k.county', '=', filter.county!))
        .$if(filter.village !== undefined, (qb) => qb.where('k.village', '=', filter.village!))
        .$if(status !== null, (qb) => qb.where('k.status', '=', status!))
        .$if(filter.status === 'open', (qb) => qb.where('k.closed_at', 'is', null))
        .$if(filter.level !== undefined, (qb) => qb.where('k.level', '=', filter.level as CasesTable['level']))
        .$if(filter.source !== undefined, (qb) => qb.where('k.source', '=', filter.source as CasesTable['source']))
        .$if(filter.targetClass !== undefined, (qb) => qb.where('k.target_class', '=', filter.targetClass!))
        .$if(filter.overdueAsOf !== undefined, (qb) => qb.where('k.closed_at', 'is', null).where('k.due_at', '<', filter.overdueAsOf!))
        .orderBy('k.id')
        .limit(limit)
        .execute();
    },
    decisionsOf: (caseId: number): Promise<DecisionRow[]> =>
      db
        .selectFrom('case_events')
        .select(['case_id', 'at', 'detail_enc'])
        .where('type', '=', 'decide')
        .where('case_id', '=', caseId)
        .orderBy('id')
        .execute(),
    /** The household plan's measures (一户一策) for the case's person (linked, or the same person by the keyed hash); titles hold no personal data. */
    measuresOf: (caseId: number): Promise<Array<{ kind: string; title: string; status: string }>> =>
      db
        .selectFrom('plan_measures')
        .select(['kind', 'title', 'status'])
        .where('household_id', 'in', (eb) => householdsOfCase(eb, caseId))
        .orderBy('id')
        .execute(),
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
