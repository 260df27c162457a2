import type { Statement } from 'better-sqlite3';
import { RISK_RANK, riskRank, type RiskLevel } from '../../shared/cases/risk';
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
  /** Only cases sent to the county (一事一议). */
  escalated?: boolean;
  /** 分给我的: only this staff member's cases. */
  assigneeId?: number;
  personKey?: string;
  maskedPrefix?: string;
  digitsSuffix?: string;
  /** Start after this position (from a cursor). */
  after?: QueuePosition;
  limit: number;
}

/** A place in the queue order: risk rank, due date, id. */
export interface QueuePosition {
  rank: number;
  dueAt: string;
  id: number;
}

/** What a queue card shows: the masked columns, never the encrypted subject or the stored answers. */
export type QueueRow = Pick<
  CaseRow,
  'id' | 'township' | 'village' | 'name_masked' | 'phone_masked' | 'id_masked' | 'address_masked' | 'source' | 'status' | 'level' | 'target_class' | 'due_at' | 'created_at' | 'updated_at' | 'closed_at'
>;

const QUEUE_COLUMNS =
  'id, township, village, name_masked, phone_masked, id_masked, address_masked, source, status, level, target_class, due_at, created_at, updated_at, closed_at';

/** Every rank, highest first, as SQL: naming them all lets SQLite walk an index rank by rank. */
const EVERY_RANK = [...new Set(Object.values(RISK_RANK))].sort((a, b) => b - a).join(', ');

// Every case gets a due date on intake, so due_at is never NULL and the index can serve the order.
const DUE = 'due_at';

const ORDER = `ORDER BY level_rank DESC, ${DUE}, id`;

/** The cursor handed to the client for the page after `row`: its position in the queue order, opaque to the client. */
function cursorAfter(row: Pick<QueueRow, 'level' | 'due_at' | 'id'>): string {
  return Buffer.from(JSON.stringify([riskRank(row.level), row.due_at, row.id])).toString('base64url');
}

/** The position a cursor names, or null when it is not one we handed out. */
function positionOf(cursor: string): QueuePosition | null {
  try {
    const [rank, dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, string, number];
    if (typeof rank === 'number' && typeof dueAt === 'string' && Number.isInteger(id)) return { rank, dueAt, id };
  } catch {
    // not JSON: not ours
  }
  return null;
}

function pageSql(clauses: string[]): string {
  return `SELECT ${QUEUE_COLUMNS} FROM cases ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ${ORDER} LIMIT @limit`;
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
    if (filter.level) add('level_rank = @levelRank', 'levelRank', filter.level in RISK_RANK ? RISK_RANK[filter.level as RiskLevel] : -1);
    if (filter.village) add('village = @village', 'village', filter.village);
    if (filter.source) add('source = @source', 'source', filter.source);
    if (filter.targetClass) add('target_class = @targetClass', 'targetClass', filter.targetClass);
    if (filter.escalated) clauses.push('escalated_at IS NOT NULL');
    if (filter.assigneeId !== undefined) add('assignee_id = @assigneeId', 'assigneeId', filter.assigneeId);
    if (filter.overdueAsOf) {
      // Every rank named, so SQLite walks the open-queue index rank by rank (migration 014) and stops at the page.
      if (!filter.level) clauses.push(`level_rank IN (${EVERY_RANK})`);
      add('closed_at IS NULL AND due_at < @overdueAsOf', 'overdueAsOf', filter.overdueAsOf);
    }
    const search: string[] = [];
    if (filter.personKey) {
      search.push('person_key = @personKey');
      params.personKey = filter.personKey;
    }
    if (filter.maskedPrefix) {
      // A typed % or _ is a character to find, not a wildcard.
      search.push("name_masked LIKE @maskedPrefix || '%' ESCAPE '\\'");
      params.maskedPrefix = filter.maskedPrefix.replace(/[\\%_]/g, (c) => `\\${c}`);
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

  const townshipCounts = db.prepare('SELECT status, n FROM case_status_counts WHERE township = ? AND n > 0');
  const countyCounts = db.prepare('SELECT status, sum(n) AS n FROM case_status_counts GROUP BY status HAVING sum(n) > 0');

  return {
    /** Up to `limit` rows in queue order, and the cursor for the next page (null on the last page). */
    page(filter: QueueFilter): { rows: QueueRow[]; nextCursor: string | null } {
      // One row more than asked tells whether there is a next page.
      const params: Record<string, unknown> = { limit: filter.limit + 1 };
      const clauses = where(filter, params);
      if (filter.after) {
        clauses.push(`(level_rank < @rank OR (level_rank = @rank AND (${DUE} > @dueAt OR (${DUE} = @dueAt AND id > @afterId))))`);
        Object.assign(params, { rank: filter.after.rank, dueAt: filter.after.dueAt, afterId: filter.after.id });
      }
      const rows = prepare(pageSql(clauses)).all(params) as QueueRow[];
      if (rows.length <= filter.limit) return { rows, nextCursor: null };
      const page = rows.slice(0, filter.limit);
      return { rows: page, nextCursor: cursorAfter(page[page.length - 1]!) };
    },
    positionOf,
    /** Cases per status in a township (or the county), from the tally the triggers of migration 013 keep. */
    countsByStatus(filter: Pick<QueueFilter, 'township'>): Record<string, number> {
      const rows = (filter.township ? townshipCounts.all(filter.township) : countyCounts.all()) as Array<{ status: string; n: number }>;
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },
    /** Open cases past their due date, counted up to `cap` (see OVERDUE_COUNT_CAP). */
    countOverdue(township: string | null, asOf: string, cap: number): number {
      const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM cases WHERE closed_at IS NULL AND due_at < @asOf ${township ? 'AND township = @township' : ''} LIMIT @cap)`;
      return (prepare(sql).get({ asOf, cap, ...(township ? { township } : {}) }) as { n: number }).n;
    },
    /** For the benchmark: the plan SQLite picks for a queue page. */
    explain(filter: QueueFilter): string[] {
      const params: Record<string, unknown> = { limit: filter.limit };
      const clauses = where(filter, params);
      return (db.prepare(`EXPLAIN QUERY PLAN ${pageSql(clauses)}`).all(params) as Array<{ detail: string }>).map((r) => r.detail);
    },
  };
}
