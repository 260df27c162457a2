import { CompiledQuery, PostgresAdapter, sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { RISK_RANK, riskRank, type RiskLevel } from '../../shared/cases/risk';
import type { Engine } from '../db/engine';
import type { Database } from '../db/schema';
import type { CaseRow } from './cases';
import { overdueReferralsCount } from './referrals';

export interface QueueFilter {
  /** null: every township (county roles). */
  township: string | null;
  /** The caller's county (#16); null or left out: every county. */
  county?: string | null;
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

const QUEUE_COLUMNS = [
  'id', 'township', 'village', 'name_masked', 'phone_masked', 'id_masked', 'address_masked', 'source', 'status', 'level',
  'target_class', 'due_at', 'created_at', 'updated_at', 'closed_at',
] as const satisfies ReadonlyArray<keyof QueueRow>;

/** Every rank, highest first: the overdue view reads each rank's own index range. */
const EVERY_RANK = [...new Set(Object.values(RISK_RANK))].sort((a, b) => b - a);

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

/** The figures above the queue: cases per status, open cases past due (capped), planned referrals past due. */
export interface QueueTallies {
  counts: Record<string, number>;
  overdue: number;
  referralsOverdue: number;
}

/** A row of `tallies`: a status and its count, or a single count named by `kind` (status NULL). */
interface TallyRow {
  kind: string;
  status: string;
  n: number | string;
}

/** PostgreSQL sums integers as bigint (a number here) but may hand back text for wider sums. */
const countsOf = (rows: ReadonlyArray<{ status: string; n: number | string }>): Record<string, number> =>
  Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));

type CaseFilter = ExpressionBuilder<Database, 'cases'>;

/**
 * The clauses a filter asks for, ANDed; the queue order is level_rank DESC, due_at, id. `rank`: one risk rank
 * only, for the overdue view's per-rank reads.
 */
function matching(filter: QueueFilter, rank?: number) {
  return (eb: CaseFilter) => {
    const clauses = [];
    if (filter.township) clauses.push(eb('township', '=', filter.township));
    // A township lies in one county: the county narrows only a county-wide read (its own indexes, migration 063).
    else if (filter.county) clauses.push(eb('county', '=', filter.county));
    if (filter.status) clauses.push(eb('status', '=', filter.status));
    else if (filter.openOnly) clauses.push(eb('closed_at', 'is', null));
    // By rank, not name: the queue index is ordered by level_rank, so one level is one index range.
    if (rank !== undefined) clauses.push(eb('level_rank', '=', rank));
    else if (filter.level) clauses.push(eb('level_rank', '=', filter.level in RISK_RANK ? RISK_RANK[filter.level as RiskLevel] : -1));
    if (filter.village) clauses.push(eb('village', '=', filter.village));
    if (filter.source) clauses.push(eb('source', '=', filter.source as QueueRow['source']));
    if (filter.targetClass) clauses.push(eb('target_class', '=', filter.targetClass));
    if (filter.escalated) clauses.push(eb('escalated_at', 'is not', null));
    if (filter.assigneeId !== undefined) clauses.push(eb('assignee_id', '=', filter.assigneeId));
    if (filter.overdueAsOf) clauses.push(eb('closed_at', 'is', null), eb('due_at', '<', filter.overdueAsOf));
    const search = [];
    if (filter.personKey) search.push(eb('person_key', '=', filter.personKey));
    if (filter.maskedPrefix) {
      // A typed % or _ is a character to find, not a wildcard.
      const prefix = filter.maskedPrefix.replace(/[\\%_]/g, (c) => `\\${c}`);
      search.push(sql<boolean>`name_masked LIKE ${`${prefix}%`} ESCAPE '\\'`);
    }
    if (filter.digitsSuffix) {
      // A sub-select per column, so each tail index is used rather than walking the whole queue.
      const suffix = filter.digitsSuffix;
      const byTail = (column: 'phone_tail' | 'id_tail') =>
        eb
          .selectFrom('cases')
          .select('id')
          .where(column, '=', suffix)
          .$if(Boolean(filter.township), (q) => q.where('township', '=', filter.township!))
          .$if(!filter.township && Boolean(filter.county), (q) => q.where('county', '=', filter.county!));
      search.push(eb('id', 'in', byTail('phone_tail').union(byTail('id_tail'))));
    }
    if (search.length) clauses.push(eb.or(search));
    if (filter.after && rank !== undefined) {
      // Within one rank the position is a row comparison, which an index range can start from; lower ranks lie
      // wholly after it.
      if (rank === filter.after.rank) clauses.push(eb(eb.refTuple('due_at', 'id'), '>', eb.tuple(filter.after.dueAt, filter.after.id)));
    } else if (filter.after) {
      const { rank, dueAt, id } = filter.after;
      clauses.push(
        eb.or([
          eb('level_rank', '<', rank),
          eb.and([eb('level_rank', '=', rank), eb.or([eb('due_at', '>', dueAt), eb.and([eb('due_at', '=', dueAt), eb('id', '>', id)])])]),
        ]),
      );
    }
    return eb.and(clauses);
  };
}

/** The review queue: red first, then the earliest due date; keyset pagination over an index. */
export function createCaseQueueRepository(db: Engine) {
  // Every case gets a due date on intake, so due_at is never NULL and the index can serve the order.
  const pageQuery = (filter: QueueFilter, limit: number, rank?: number): SelectQueryBuilder<Database, 'cases', QueueRow> =>
    db
      .selectFrom('cases')
      .select(QUEUE_COLUMNS)
      .where(matching(filter, rank))
      .orderBy('level_rank', 'desc')
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit);

  /** Rows (status, n) from the per-township tally, summed over the county when no township is named. */
  const statusCounts = (township: string | null, county: string | null) =>
    township
      ? db.selectFrom('case_status_counts').select(['status', sql<number | string>`n`.as('n')]).where('township', '=', township).where('n', '>', 0)
      : db
          .selectFrom('case_status_counts')
          .select((eb) => ['status', eb.fn.sum<number | string>('n').as('n')])
          // The tally is per township; a county's townships share its first six digits.
          .$if(county !== null, (q) => q.where('township', 'like', `${county!.slice(0, 6)}%`))
          .groupBy('status')
          .having((eb) => eb.fn.sum('n'), '>', 0);

  /** One value: open cases past `asOf`, counted no further than `cap` (an index range, stopped early). */
  const overdueCount = (township: string | null, asOf: string, cap: number, county: string | null) => {
    const overdue = db
      .selectFrom('cases')
      .select('id')
      .where('closed_at', 'is', null)
      .where('due_at', '<', asOf)
      .$if(township !== null, (q) => q.where('township', '=', township!))
      .$if(township === null && county !== null, (q) => q.where('county', '=', county!))
      .limit(cap);
    return db.selectFrom(overdue.as('overdue')).select((eb) => eb.fn.countAll<number>().as('n'));
  };

  /**
   * The overdue view across every rank: one page per rank, each the start of that rank's overdue due-date range
   * in the open-queue index (migration 014), merged. A single walk of the index in queue order would step over
   * every not-yet-due case of a rank before reaching the next rank: little when most cases are overdue, the
   * whole queue when few are. Per rank, the work is the page, however many or few cases are overdue.
   */
  const overduePageQuery = (filter: QueueFilter, limit: number) => {
    const ranks = EVERY_RANK.filter((rank) => !filter.after || rank <= filter.after.rank);
    const perRank = ranks.map((rank) =>
      db
        .selectFrom(pageQuery(filter, limit, rank).select('level_rank').as(`rank${rank}`))
        .selectAll(),
    );
    if (!perRank.length) return null;
    const merged = perRank.slice(1).reduce((all, one) => all.unionAll(one), perRank[0]!);
    return db.selectFrom(merged.as('overdue')).select(QUEUE_COLUMNS).orderBy('level_rank', 'desc').orderBy('due_at').orderBy('id').limit(limit);
  };

  const pageRows = async (filter: QueueFilter, limit: number): Promise<QueueRow[]> => {
    if (!filter.overdueAsOf || filter.level) return pageQuery(filter, limit).execute();
    return (await overduePageQuery(filter, limit)?.execute()) ?? [];
  };

  return {
    /** Up to `limit` rows in queue order, and the cursor for the next page (null on the last page). */
    async page(filter: QueueFilter): Promise<{ rows: QueueRow[]; nextCursor: string | null }> {
      // One row more than asked tells whether there is a next page.
      const rows = await pageRows(filter, filter.limit + 1);
      if (rows.length <= filter.limit) return { rows, nextCursor: null };
      const page = rows.slice(0, filter.limit);
      return { rows: page, nextCursor: cursorAfter(page[page.length - 1]!) };
    },
    positionOf,
    /** Cases per status in a township (or the county), from the tally the triggers of migration 013 keep. */
    async countsByStatus(filter: Pick<QueueFilter, 'township' | 'county'>): Promise<Record<string, number>> {
      return countsOf(await statusCounts(filter.township, filter.county ?? null).execute());
    },
    /** Open cases past their due date, counted up to `cap` (see OVERDUE_COUNT_CAP). */
    async countOverdue(township: string | null, asOf: string, cap: number, county: string | null = null): Promise<number> {
      const { n } = await db.selectNoFrom(overdueCount(township, asOf, cap, county).as('n')).executeTakeFirstOrThrow();
      return Number(n);
    },
    /**
     * What the queue shows above a page: cases per status, open cases past due (up to `cap`) and planned referrals
     * past their accept-by date, in one round trip. Rows (status, n, kind): one per status, then one per count.
     */
    async tallies(township: string | null, asOf: string, cap: number, county: string | null = null): Promise<QueueTallies> {
      const single = (kind: string, count: SelectQueryBuilder<Database, never, { n: number }>) =>
        // A union matches columns by position: (status, n, kind), as the first part selects them.
        db.selectNoFrom([sql<string>`NULL`.as('status'), count.as('n'), sql.lit(kind).as('kind')]).$castTo<TallyRow>();
      const rows = await statusCounts(township, county)
        .select(sql.lit('status').as('kind'))
        .$castTo<TallyRow>()
        .unionAll(single('overdue', overdueCount(township, asOf, cap, county)))
        .unionAll(single('referrals', overdueReferralsCount(db, township, asOf, county)))
        .execute();
      const countOf = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
      return { counts: countsOf(rows.filter((r) => r.kind === 'status')), overdue: countOf('overdue'), referralsOverdue: countOf('referrals') };
    },
    /** For the benchmark: the plan the engine picks for a queue page. */
    async explain(filter: QueueFilter): Promise<string[]> {
      const page = ((filter.overdueAsOf && !filter.level && overduePageQuery(filter, filter.limit)) || pageQuery(filter, filter.limit)).compile();
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        const result = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${page.sql}`, [...page.parameters]));
        return result.rows.map((r) => r['QUERY PLAN']);
      }
      const result = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${page.sql}`, [...page.parameters]));
      return result.rows.map((r) => r.detail);
    },
  };
}
