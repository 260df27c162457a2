import { CompiledQuery, sql, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Engine } from '../db/engine';
import type { Database } from '../db/schema';
import type { HouseholdEventsTable, HouseholdsTable, HouseholdVisitsTable } from '../db/schema-register';
import { countyOnInsert, isSqlite } from './dialect';

/** A household as read: every column of the table (./schema-register.ts). */
export type HouseholdRow = Selectable<HouseholdsTable>;

export type NewHousehold = Omit<HouseholdRow, 'id' | 'created_at' | 'updated_at' | 'last_visit_on' | 'open_risks_json' | 'county'> & { now: string };

export type VisitRow = Selectable<HouseholdVisitsTable>;

export type HouseholdEventRow = Selectable<HouseholdEventsTable>;

export interface RegisterSummaryRow {
  township: string;
  village: string;
  category: string;
  level: string;
  households: number;
  overdue: number;
  due_this_week: number;
  reviews_due: number;
}

export interface RegisterPageQuery {
  township: string | null;
  /** The caller's county (#16); null or left out: every county. */
  county?: string | null;
  level?: string;
  category?: string;
  village?: string;
  /** Next visit on or before this China date, leaving out exited households whose monitoring ended before `today`. */
  visitBy?: string;
  today?: string;
  after?: { village: string; nextVisitOn: string; id: number };
  limit: number;
}

// Still followed: anything but an exited household past its monitoring period (NULL end: not followed, as before).
const monitored = (today: string) => sql<SqlBool>`NOT (category = 'exited' AND monitored_until < ${today})`;

type HouseholdsEb = ExpressionBuilder<Database, 'households'>;

/** A register page's filters, for a round of visits (by village, then the day due). */
function pageFilters(eb: HouseholdsEb, q: RegisterPageQuery) {
  const filters = [];
  if (q.township) filters.push(eb('township', '=', q.township));
  else if (q.county) filters.push(eb('county', '=', q.county));
  if (q.level) filters.push(eb('level', '=', q.level as HouseholdRow['level']));
  if (q.category) filters.push(eb('category', '=', q.category));
  if (q.village) filters.push(eb('village', '=', q.village));
  if (q.visitBy) filters.push(eb('next_visit_on', '<=', q.visitBy));
  if (q.visitBy && q.today) filters.push(monitored(q.today));
  if (q.after) {
    filters.push(eb(eb.refTuple('village', 'next_visit_on', 'id'), '>', eb.tuple(q.after.village, q.after.nextVisitOn, q.after.id)));
  }
  return eb.and(filters);
}

/** One engine's query plan for a statement, as lines of text (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN). */
async function planOf(db: Engine, query: CompiledQuery): Promise<string[]> {
  const sqlite = isSqlite(db);
  const { rows } = await db.executeQuery<Record<string, string>>(
    CompiledQuery.raw(`${sqlite ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${query.sql}`, [...query.parameters]),
  );
  return rows.map((row) => (sqlite ? row.detail : row['QUERY PLAN']) ?? '');
}

/** The register's SQL: entries, their visits and events, and the links to cases. */
export function createHouseholdsRepository(db: Engine) {
  const pageQuery = (q: RegisterPageQuery) =>
    db.selectFrom('households').selectAll().where((eb) => pageFilters(eb, q)).orderBy('village').orderBy('next_visit_on').orderBy('id').limit(q.limit);

  /**
   * Visits overdue and due by a day. Only rows due by then are read, from the index on (township,) next visit,
   * category and end of monitoring, so the count never touches the table.
   */
  const dueCountsQuery = (township: string | null, today: string, by: string, county: string | null = null) =>
    db
      .selectFrom('households')
      .select([
        sql<number>`COALESCE(SUM(CASE WHEN next_visit_on < ${today} THEN 1 ELSE 0 END), 0)`.as('overdue'),
        (eb) => eb.fn.countAll<number>().as('due'),
      ])
      .where('next_visit_on', '<=', by)
      .$if(township !== null, (qb) => qb.where('township', '=', township!))
      .$if(township === null && county !== null, (qb) => qb.where('county', '=', county!))
      .where(monitored(today));

  const household = (row: NewHousehold) => ({
    township: row.township,
    village: row.village,
    subject_enc: row.subject_enc,
    name_masked: row.name_masked,
    phone_masked: row.phone_masked,
    id_masked: row.id_masked,
    address_masked: row.address_masked,
    category: row.category,
    category_since: row.category_since,
    monitored_until: row.monitored_until,
    level: row.level,
    unstable: row.unstable,
    next_visit_on: row.next_visit_on,
    next_review_on: row.next_review_on,
    import_fingerprint: row.import_fingerprint,
    updated_at: row.now,
  });

  return {
    /** The register by township, village, category and level, with visits and re-checks due. */
    async summary(today: string, weekEnd: string, reviewBy: string): Promise<RegisterSummaryRow[]> {
      const rows = await db
        .selectFrom('households')
        .select([
          'township',
          'village',
          'category',
          'level',
          (eb) => eb.fn.countAll<number>().as('households'),
          sql<number>`SUM(CASE WHEN next_visit_on < ${today} AND ${monitored(today)} THEN 1 ELSE 0 END)`.as('overdue'),
          sql<number>`SUM(CASE WHEN next_visit_on <= ${weekEnd} AND ${monitored(today)} THEN 1 ELSE 0 END)`.as('due_this_week'),
          sql<number>`SUM(CASE WHEN next_review_on IS NOT NULL AND next_review_on <= ${reviewBy} THEN 1 ELSE 0 END)`.as('reviews_due'),
        ])
        .groupBy(['township', 'village', 'category', 'level'])
        .orderBy('township').orderBy('village').orderBy('category').orderBy('level')
        .execute();
      // PostgreSQL's SUM of integers is bigint (a number through the engine's parser); Number() keeps both alike.
      return rows.map((r) => ({
        ...r,
        households: Number(r.households),
        overdue: Number(r.overdue),
        due_this_week: Number(r.due_this_week),
        reviews_due: Number(r.reviews_due),
      }));
    },
    find: (id: number): Promise<HouseholdRow | undefined> => db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst(),
    findByPersonKey: (key: string): Promise<HouseholdRow | undefined> =>
      db.selectFrom('households').selectAll().where('person_key', '=', key).executeTakeFirst(),
    findByCase: (caseId: number): Promise<HouseholdRow | undefined> =>
      db
        .selectFrom('households as h')
        .innerJoin('household_cases as l', 'l.household_id', 'h.id')
        .selectAll('h')
        .where('l.case_id', '=', caseId)
        .executeTakeFirst(),
    /** The register entry a case is about: linked to it, or the same person. */
    ofCase: (caseId: number, personKey: string | null): Promise<{ id: number; township: string } | undefined> =>
      db
        .selectFrom('households')
        .select(['id', 'township'])
        .where((eb) =>
          eb.or([
            eb('id', 'in', eb.selectFrom('household_cases').select('household_id').where('case_id', '=', caseId)),
            // A NULL key matches nothing, as `person_key = NULL` did.
            ...(personKey === null ? [] : [eb('person_key', '=', personKey)]),
          ]),
        )
        .orderBy('id')
        .limit(1)
        .executeTakeFirst(),
    async insert(row: NewHousehold): Promise<number> {
      const { id } = await db
        .insertInto('households')
        .values({ ...household(row), ...countyOnInsert(db, row.township), person_key: row.person_key, created_at: row.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    async update(id: number, row: Omit<NewHousehold, 'person_key'>): Promise<void> {
      await db
        .updateTable('households')
        .set(household({ ...row, person_key: null }))
        .where('id', '=', id)
        .execute();
    },
    async recordVisit(v: {
      householdId: number;
      visitedOn: string;
      kind: 'visit' | 'review';
      actor: string;
      level: string;
      findingsEnc: Buffer;
      openRisksJson: string;
      clearedJson: string;
      nextVisitOn: string;
      now: string;
    }): Promise<number> {
      const { id } = await db
        .insertInto('household_visits')
        .values({
          household_id: v.householdId,
          visited_on: v.visitedOn,
          kind: v.kind,
          actor: v.actor,
          level: v.level,
          findings_enc: v.findingsEnc,
          open_risks_json: v.openRisksJson,
          cleared_json: v.clearedJson,
          created_at: v.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A visit entered late (an older date) never moves the schedule backwards.
      await db
        .updateTable('households')
        .set({
          level: v.level as HouseholdRow['level'],
          last_visit_on: v.visitedOn,
          next_visit_on: v.nextVisitOn,
          open_risks_json: v.openRisksJson,
          updated_at: v.now,
        })
        .where('id', '=', v.householdId)
        .where((eb) => eb.or([eb('last_visit_on', 'is', null), eb('last_visit_on', '<=', v.visitedOn)]))
        .execute();
      return id;
    },
    visitsOf: (householdId: number): Promise<VisitRow[]> =>
      db
        .selectFrom('household_visits')
        .selectAll()
        .where('household_id', '=', householdId)
        .orderBy('visited_on', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    async appendEvent(e: {
      householdId: number;
      at: string;
      type: string;
      actor: string;
      caseId?: number | null;
      detail?: Record<string, unknown> | null;
    }): Promise<void> {
      await db
        .insertInto('household_events')
        .values({
          household_id: e.householdId,
          at: e.at,
          type: e.type,
          actor: e.actor,
          case_id: e.caseId ?? null,
          detail_json: e.detail ? JSON.stringify(e.detail) : null,
        })
        .execute();
    },
    eventsOf: (householdId: number): Promise<HouseholdEventRow[]> =>
      db.selectFrom('household_events').selectAll().where('household_id', '=', householdId).orderBy('id').execute(),
    async linkCase(householdId: number, caseId: number): Promise<void> {
      await db
        .insertInto('household_cases')
        .values({ household_id: householdId, case_id: caseId })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    },
    async linkedCaseIds(householdId: number, personKey: string | null): Promise<number[]> {
      const rows = await db
        .selectFrom('cases')
        .select('id')
        .where((eb) =>
          eb.or([
            eb('id', 'in', eb.selectFrom('household_cases').select('case_id').where('household_id', '=', householdId)),
            ...(personKey === null ? [] : [eb('person_key', '=', personKey)]),
          ]),
        )
        .orderBy('id')
        .execute();
      return rows.map((r) => r.id);
    },
    page: (q: RegisterPageQuery): Promise<HouseholdRow[]> => pageQuery(q).execute(),
    /** For the benchmark: the plans the engine picks for a register page and for its due counts. */
    explain: (q: RegisterPageQuery): Promise<string[]> => planOf(db, pageQuery(q).compile()),
    explainCounts: (township: string | null, today: string, by: string): Promise<string[]> =>
      planOf(db, dueCountsQuery(township, today, by).compile()),
    /** Visits overdue (before today) and due by a day (overdue included), in one township or the county. */
    async countDue(township: string | null, today: string, by: string, county: string | null = null): Promise<{ overdue: number; due: number }> {
      const row = await dueCountsQuery(township, today, by, county).executeTakeFirst();
      return row ? { overdue: Number(row.overdue), due: Number(row.due) } : { overdue: 0, due: 0 };
    },
  };
}

export type HouseholdsRepository = ReturnType<typeof createHouseholdsRepository>;
