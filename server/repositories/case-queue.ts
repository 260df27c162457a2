import type { Statement } from 'better-sqlite3';
import type { DB } from '../db/open';
import type { CaseRow } from './cases';

export interface QueueFilter {
  /** null: every township (county roles). */
  township: string | null;
  status?: string;
  /** Default view: everything not yet closed. */
  openOnly?: boolean;
  level?: string;
  village?: string;
  source?: string;
  targetClass?: string;
  overdueAsOf?: string;
  personKey?: string;
  maskedPrefix?: string;
  digitsSuffix?: string;
  after?: { rank: number; dueAt: string; id: number };
  limit: number;
}

const LEVEL_RANK: Record<string, number> = { red: 3, yellow: 2, blue: 1, none: 0 };

// Every case gets a due date on intake, so due_at is never NULL and the index can serve the order.
const DUE = 'due_at';

const ORDER = `ORDER BY level_rank DESC, ${DUE}, id`;

/**
 * One page of the queue. Overdue cases are picked by their due date, which can match most of a
 * township: their ids are sorted from a covering index first, and only the page's rows are read.
 */
function pageSql(clauses: string[], overdue: boolean): string {
  const whereSql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  if (!overdue) return `SELECT * FROM cases ${whereSql} ${ORDER} LIMIT @limit`;
  return `SELECT * FROM cases WHERE id IN (SELECT id FROM cases ${whereSql} ${ORDER} LIMIT @limit) ${ORDER}`;
}

/** The review queue: red first, then the earliest due date; keyset pagination over an index. */
export function createCaseQueueRepository(db: DB) {
  const cache = new Map<string, Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  function where(filter: QueueFilter, params: Record<string, unknown>): string[] {
    const clauses: string[] = [];
    const add = (clause: string, name: string, value: unknown) => {
      clauses.push(clause);
      params[name] = value;
    };
    if (filter.township) add('township = @township', 'township', filter.township);
    if (filter.status) add('status = @status', 'status', filter.status);
    else if (filter.openOnly) clauses.push('closed_at IS NULL');
    // By rank, not name: the queue index is ordered by level_rank, so one level is one index range.
    if (filter.level) add('level_rank = @levelRank', 'levelRank', LEVEL_RANK[filter.level] ?? -1);
    if (filter.village) add('village = @village', 'village', filter.village);
    if (filter.source) add('source = @source', 'source', filter.source);
    if (filter.targetClass) add('target_class = @targetClass', 'targetClass', filter.targetClass);
    if (filter.overdueAsOf) add('closed_at IS NULL AND due_at < @overdueAsOf', 'overdueAsOf', filter.overdueAsOf);
    const search: string[] = [];
    if (filter.personKey) {
      search.push('person_key = @personKey');
      params.personKey = filter.personKey;
    }
    if (filter.maskedPrefix) {
      search.push("name_masked LIKE @maskedPrefix || '%'");
      params.maskedPrefix = filter.maskedPrefix;
    }
    if (filter.digitsSuffix) {
      // A sub-select per column, so each tail index is used rather than walking the whole queue.
      const scope = filter.township ? 'township = @township AND ' : '';
      search.push(`id IN (SELECT id FROM cases WHERE ${scope}phone_tail = @digitsSuffix UNION SELECT id FROM cases WHERE ${scope}id_tail = @digitsSuffix)`);
      params.digitsSuffix = filter.digitsSuffix;
    }
    if (search.length) clauses.push(`(${search.join(' OR ')})`);
    return clauses;
  }

  return {
    page(filter: QueueFilter): CaseRow[] {
      const params: Record<string, unknown> = { limit: filter.limit };
      const clauses = where(filter, params);
      if (filter.after) {
        clauses.push(`(level_rank < @rank OR (level_rank = @rank AND (${DUE} > @dueAt OR (${DUE} = @dueAt AND id > @afterId))))`);
        Object.assign(params, { rank: filter.after.rank, dueAt: filter.after.dueAt, afterId: filter.after.id });
      }
      return prepare(pageSql(clauses, Boolean(filter.overdueAsOf))).all(params) as CaseRow[];
    },
    countsByStatus(filter: Pick<QueueFilter, 'township'>): Record<string, number> {
      const params: Record<string, unknown> = {};
      const clauses = where({ township: filter.township, limit: 0 }, params);
      const sql = `SELECT status, count(*) AS n FROM cases ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} GROUP BY status`;
      const rows = prepare(sql).all(params) as Array<{ status: string; n: number }>;
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },
    countOverdue(township: string | null, asOf: string): number {
      const sql = `SELECT count(*) AS n FROM cases WHERE closed_at IS NULL AND due_at < @asOf ${township ? 'AND township = @township' : ''}`;
      return (prepare(sql).get({ asOf, ...(township ? { township } : {}) }) as { n: number }).n;
    },
    /** For the benchmark: the plan SQLite picks for a queue page. */
    explain(filter: QueueFilter): string[] {
      const params: Record<string, unknown> = { limit: filter.limit };
      const clauses = where(filter, params);
      return (db.prepare(`EXPLAIN QUERY PLAN ${pageSql(clauses, Boolean(filter.overdueAsOf))}`).all(params) as Array<{ detail: string }>).map((r) => r.detail);
    },
  };
}
