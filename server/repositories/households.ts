import type { Statement } from 'better-sqlite3';
import type { DB } from '../db/open';

export interface HouseholdRow {
  id: number;
  person_key: string | null;
  township: string;
  village: string;
  subject_enc: Buffer;
  name_masked: string;
  phone_masked: string | null;
  id_masked: string | null;
  address_masked: string | null;
  category: string;
  category_since: string;
  monitored_until: string | null;
  level: 'red' | 'yellow' | 'blue';
  unstable: number;
  next_visit_on: string;
  next_review_on: string | null;
  last_visit_on: string | null;
  open_risks_json: string;
  import_fingerprint: string | null;
  created_at: string;
  updated_at: string;
}

export type NewHousehold = Omit<HouseholdRow, 'id' | 'created_at' | 'updated_at' | 'last_visit_on' | 'open_risks_json'> & { now: string };

export interface VisitRow {
  id: number;
  household_id: number;
  visited_on: string;
  kind: 'visit' | 'review';
  actor: string;
  level: string;
  findings_enc: Buffer;
  open_risks_json: string;
  cleared_json: string;
  created_at: string;
}

export interface HouseholdEventRow {
  id: number;
  household_id: number;
  at: string;
  type: string;
  actor: string;
  case_id: number | null;
  detail_json: string | null;
}

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
  level?: string;
  category?: string;
  village?: string;
  /** Next visit on or before this China date, leaving out exited households whose monitoring ended before `today`. */
  visitBy?: string;
  today?: string;
  after?: { village: string; nextVisitOn: string; id: number };
  limit: number;
}

// Still followed: anything but an exited household past its monitoring period.
const MONITORED = "NOT (category = 'exited' AND monitored_until < ?)";

/** A register page: the filters in force, ordered for a round of visits (by village, then the day due). */
function pageSql(q: RegisterPageQuery): { sql: string; params: unknown[] } {
  const filters: Array<[string, unknown[]]> = [];
  if (q.township) filters.push(['township = ?', [q.township]]);
  if (q.level) filters.push(['level = ?', [q.level]]);
  if (q.category) filters.push(['category = ?', [q.category]]);
  if (q.village) filters.push(['village = ?', [q.village]]);
  if (q.visitBy) filters.push(['next_visit_on <= ?', [q.visitBy]]);
  if (q.visitBy && q.today) filters.push([MONITORED, [q.today]]);
  if (q.after) filters.push(['(village, next_visit_on, id) > (?, ?, ?)', [q.after.village, q.after.nextVisitOn, q.after.id]]);
  const where = filters.map(([sql]) => sql);
  const sql = `SELECT * FROM households ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY village, next_visit_on, id LIMIT ?`;
  return { sql, params: [...filters.flatMap(([, values]) => values), q.limit] };
}

/**
 * Visits overdue and due by a day. Only rows due by then are read, from the index on (township,) next visit,
 * category and end of monitoring, so the count never touches the table.
 */
const dueCountsSql = (inTownship: boolean) =>
  `SELECT COALESCE(SUM(CASE WHEN next_visit_on < ? THEN 1 ELSE 0 END), 0) AS overdue, COUNT(*) AS due
     FROM households WHERE next_visit_on <= ? ${inTownship ? 'AND township = ?' : ''} AND ${MONITORED}`;

/** The register's SQL: entries, their visits and events, and the links to cases. */
export function createHouseholdsRepository(db: DB) {
  const byId = db.prepare<[number], HouseholdRow>('SELECT * FROM households WHERE id = ?');
  const byKey = db.prepare<[string], HouseholdRow>('SELECT * FROM households WHERE person_key = ?');
  const byCase = db.prepare<[number], HouseholdRow>(
    'SELECT h.* FROM households h JOIN household_cases l ON l.household_id = h.id WHERE l.case_id = ?',
  );
  const insert = db.prepare(`INSERT INTO households
    (person_key, township, village, subject_enc, name_masked, phone_masked, id_masked, address_masked, category, category_since,
     monitored_until, level, unstable, next_visit_on, next_review_on, import_fingerprint, created_at, updated_at)
    VALUES (@person_key, @township, @village, @subject_enc, @name_masked, @phone_masked, @id_masked, @address_masked, @category,
     @category_since, @monitored_until, @level, @unstable, @next_visit_on, @next_review_on, @import_fingerprint, @now, @now)`);
  const update = db.prepare(`UPDATE households SET township = @township, village = @village, subject_enc = @subject_enc,
     name_masked = @name_masked, phone_masked = @phone_masked, id_masked = @id_masked, address_masked = @address_masked,
     category = @category, category_since = @category_since, monitored_until = @monitored_until, level = @level,
     unstable = @unstable, next_visit_on = @next_visit_on, next_review_on = @next_review_on,
     import_fingerprint = @import_fingerprint, updated_at = @now WHERE id = @id`);
  const afterVisit = db.prepare(`UPDATE households SET level = @level, last_visit_on = @visitedOn, next_visit_on = @nextVisitOn,
     open_risks_json = @openRisksJson, updated_at = @now WHERE id = @id`);
  const insertVisit = db.prepare(`INSERT INTO household_visits
    (household_id, visited_on, kind, actor, level, findings_enc, open_risks_json, cleared_json, created_at)
    VALUES (@householdId, @visitedOn, @kind, @actor, @level, @findingsEnc, @openRisksJson, @clearedJson, @now)`);
  const visitsOf = db.prepare<[number], VisitRow>('SELECT * FROM household_visits WHERE household_id = ? ORDER BY visited_on DESC, id DESC');
  const insertEvent = db.prepare(`INSERT INTO household_events (household_id, at, type, actor, case_id, detail_json)
    VALUES (@householdId, @at, @type, @actor, @caseId, @detailJson)`);
  const eventsOf = db.prepare<[number], HouseholdEventRow>('SELECT * FROM household_events WHERE household_id = ? ORDER BY id');
  const ofCase = db.prepare<[number, string | null], { id: number; township: string }>(
    `SELECT id, township FROM households WHERE id IN (SELECT household_id FROM household_cases WHERE case_id = ?)
     UNION SELECT id, township FROM households WHERE person_key = ? ORDER BY id LIMIT 1`,
  );
  const link = db.prepare('INSERT INTO household_cases (household_id, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const linkedCases = db.prepare<[number, string | null], { id: number }>(
    `SELECT id FROM cases WHERE id IN (SELECT case_id FROM household_cases WHERE household_id = ?)
       OR (person_key IS NOT NULL AND person_key = ?) ORDER BY id`,
  );
  const dueCounts = db.prepare<[string, string, string, string], { overdue: number; due: number }>(dueCountsSql(true));
  const dueCountsCounty = db.prepare<[string, string, string], { overdue: number; due: number }>(dueCountsSql(false));

  const summary = db.prepare<[string, string, string, string, string], RegisterSummaryRow>(
    `SELECT township, village, category, level, COUNT(*) AS households,
            SUM(CASE WHEN next_visit_on < ? AND ${MONITORED} THEN 1 ELSE 0 END) AS overdue,
            SUM(CASE WHEN next_visit_on <= ? AND ${MONITORED} THEN 1 ELSE 0 END) AS due_this_week,
            SUM(CASE WHEN next_review_on IS NOT NULL AND next_review_on <= ? THEN 1 ELSE 0 END) AS reviews_due
       FROM households GROUP BY township, village, category, level ORDER BY township, village, category, level`,
  );

  const pages = new Map<string, Statement<unknown[], HouseholdRow>>();

  return {
    /** The register by township, village, category and level, with visits and re-checks due. */
    summary: (today: string, weekEnd: string, reviewBy: string): RegisterSummaryRow[] => summary.all(today, today, weekEnd, today, reviewBy),
    find: (id: number): HouseholdRow | undefined => byId.get(id),
    findByPersonKey: (key: string): HouseholdRow | undefined => byKey.get(key),
    findByCase: (caseId: number): HouseholdRow | undefined => byCase.get(caseId),
    /** The register entry a case is about: linked to it, or the same person. */
    ofCase: (caseId: number, personKey: string | null): { id: number; township: string } | undefined => ofCase.get(caseId, personKey),
    insert: (row: NewHousehold): number => Number(insert.run(row).lastInsertRowid),
    update: (id: number, row: Omit<NewHousehold, 'person_key'>): void => {
      update.run({ ...row, id });
    },
    recordVisit(v: {
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
    }): number {
      const id = Number(insertVisit.run(v).lastInsertRowid);
      const current = byId.get(v.householdId)!;
      // A visit entered late (an older date) never moves the schedule backwards.
      if (current.last_visit_on && current.last_visit_on > v.visitedOn) return id;
      afterVisit.run({ id: v.householdId, level: v.level, visitedOn: v.visitedOn, nextVisitOn: v.nextVisitOn, openRisksJson: v.openRisksJson, now: v.now });
      return id;
    },
    visitsOf: (householdId: number): VisitRow[] => visitsOf.all(householdId),
    appendEvent: (e: { householdId: number; at: string; type: string; actor: string; caseId?: number | null; detail?: Record<string, unknown> | null }): void => {
      insertEvent.run({ householdId: e.householdId, at: e.at, type: e.type, actor: e.actor, caseId: e.caseId ?? null, detailJson: e.detail ? JSON.stringify(e.detail) : null });
    },
    eventsOf: (householdId: number): HouseholdEventRow[] => eventsOf.all(householdId),
    linkCase: (householdId: number, caseId: number): void => {
      link.run(householdId, caseId);
    },
    linkedCaseIds: (householdId: number, personKey: string | null): number[] => linkedCases.all(householdId, personKey).map((r) => r.id),
    page(q: RegisterPageQuery): HouseholdRow[] {
      const { sql, params } = pageSql(q);
      // One statement per filter combination, prepared once.
      let statement = pages.get(sql);
      if (!statement) pages.set(sql, (statement = db.prepare<unknown[], HouseholdRow>(sql)));
      return statement.all(...params);
    },
    /** For the benchmark: the plans SQLite picks for a register page and for its due counts. */
    explain(q: RegisterPageQuery): string[] {
      const { sql, params } = pageSql(q);
      const plan = (text: string, values: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...values) as Array<{ detail: string }>).map((r) => r.detail);
      return plan(sql, params);
    },
    explainCounts: (township: string | null, today: string, by: string): string[] =>
      (db.prepare(`EXPLAIN QUERY PLAN ${dueCountsSql(township !== null)}`).all(...(township ? [today, by, township, today] : [today, by, today])) as Array<{ detail: string }>).map(
        (r) => r.detail,
      ),
    /** Visits overdue (before today) and due by a day (overdue included), in one township or the county. */
    countDue: (township: string | null, today: string, by: string): { overdue: number; due: number } =>
      (township ? dueCounts.get(today, by, township, today) : dueCountsCounty.get(today, by, today)) ?? { overdue: 0, due: 0 },
  };
}

export type HouseholdsRepository = ReturnType<typeof createHouseholdsRepository>;
