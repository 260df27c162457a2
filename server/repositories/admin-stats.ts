import type { DB } from '../db/open';

/** China dates (shared/time): from inclusive, to inclusive, and the same range as UTC instants for ISO columns. */
export interface StatsRange {
  fromDay: string;
  toDay: string;
  fromIso: string;
  toIso: string;
  now: string;
}

export interface CaseFact {
  township: string;
  month: string;
  status: string;
  source: string;
  createdAt: string;
  firstContactAt: string | null;
  decided: boolean;
}

// A month in China time from an ISO instant stored in UTC.
const MONTH = "strftime('%Y-%m', {col}, '+8 hours')";
const month = (col: string) => MONTH.replace('{col}', col);

/** The county's figures: counters per township and month; nothing personal is read. */
export function createAdminStatsRepository(db: DB) {
  const scans = db.prepare<Record<string, unknown>, { township: string; month: string; scans: number }>(
    `SELECT e.township, substr(c.day, 1, 7) AS month, sum(c.scans) AS scans
     FROM scan_counts c JOIN entry_points e ON e.code = c.entry_code
     WHERE c.day >= @fromDay AND c.day <= @toDay GROUP BY 1, 2`,
  );
  const completions = db.prepare<Record<string, unknown>, { township: string; month: string; completed: number; suspected: number }>(
    `SELECT e.township, substr(c.day, 1, 7) AS month, sum(c.completed) AS completed, sum(c.suspected) AS suspected
     FROM screening_counts c JOIN entry_points e ON e.code = c.entry_code
     WHERE c.day >= @fromDay AND c.day <= @toDay GROUP BY 1, 2`,
  );
  const submissions = db.prepare<Record<string, unknown>, { township: string; month: string; kind: 'request' | 'report'; n: number }>(
    `SELECT k.township, ${month('s.created_at')} AS month, s.kind, count(*) AS n
     FROM submissions s JOIN cases k ON k.id = s.case_id
     WHERE s.created_at >= @fromIso AND s.created_at < @toIso GROUP BY 1, 2, 3`,
  );
  const cases = db.prepare<Record<string, unknown>, { township: string; month: string; status: string; source: string; created_at: string; first_contact_at: string | null; decided: number }>(
    `SELECT k.township, ${month('k.created_at')} AS month, k.status, k.source, k.created_at,
       (SELECT min(e.at) FROM case_events e WHERE e.case_id = k.id AND e.type IN ('contact', 'visit')) AS first_contact_at,
       EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = k.id AND e.type = 'decide') AS decided
     FROM cases k WHERE k.created_at >= @fromIso AND k.created_at < @toIso`,
  );
  const overdue = db.prepare<[string], { township: string; n: number }>(
    'SELECT township, count(*) AS n FROM cases WHERE closed_at IS NULL AND due_at < ? GROUP BY township',
  );
  // 政策找人's figures; @township NULL means the whole county.
  const targetClasses = db.prepare<Record<string, unknown>, { target_class: string | null; n: number }>(
    `SELECT target_class, count(*) AS n FROM cases
     WHERE created_at >= @fromIso AND created_at < @toIso AND (@township IS NULL OR township = @township) GROUP BY 1`,
  );
  // Each case's latest decision made in the range (a reopened case decided again counts once, as it ended).
  const decisions = db.prepare<Record<string, unknown>, { detail_enc: Buffer | null }>(
    `SELECT e.detail_enc FROM case_events e JOIN cases k ON k.id = e.case_id
     WHERE e.type = 'decide' AND e.at >= @fromIso AND e.at < @toIso AND (@township IS NULL OR k.township = @township)
       AND e.id = (SELECT max(d.id) FROM case_events d WHERE d.case_id = e.case_id AND d.type = 'decide' AND d.at < @toIso)`,
  );
  const policies = db.prepare<Record<string, unknown>, { policy_id: string; name: string; status: string; n: number }>(
    `SELECT m.policy_id, min(m.title) AS name, m.status, count(*) AS n FROM plan_measures m JOIN households h ON h.id = m.household_id
     WHERE m.kind = 'policy' AND m.created_at >= @fromIso AND m.created_at < @toIso AND (@township IS NULL OR h.township = @township)
     GROUP BY m.policy_id, m.status ORDER BY m.policy_id`,
  );
  const referrals = db.prepare<Record<string, unknown>, { resource_id: number; name: string; kind: string; status: string; n: number }>(
    `SELECT r.resource_id, s.name, s.kind, r.status, count(*) AS n
     FROM referrals r JOIN resources s ON s.id = r.resource_id JOIN cases k ON k.id = r.case_id
     WHERE r.created_at >= @fromIso AND r.created_at < @toIso AND (@township IS NULL OR k.township = @township)
     GROUP BY r.resource_id, s.name, s.kind, r.status ORDER BY s.name, r.resource_id`,
  );
  // 数据预警: each warning raised in the range with its case's township and the first call or visit after it.
  const warningsRaised = db.prepare<Record<string, unknown>, { township: string; month: string; warning_key: string; raised_at: string; first_contact_at: string | null }>(
    `SELECT k.township, ${month('w.raised_at')} AS month, w.warning_key, w.raised_at,
       (SELECT min(e.at) FROM case_events e WHERE e.case_id = w.case_id AND e.type IN ('contact', 'visit') AND e.at >= w.raised_at) AS first_contact_at
     FROM warning_keys w JOIN cases k ON k.id = w.case_id
     WHERE w.raised_at >= @fromIso AND w.raised_at < @toIso AND (@township IS NULL OR k.township = @township)`,
  );
  const warningsHandled = db.prepare<Record<string, unknown>, { township: string; month: string; detail_enc: Buffer | null }>(
    `SELECT k.township, ${month('e.at')} AS month, e.detail_enc FROM case_events e JOIN cases k ON k.id = e.case_id
     WHERE e.type = 'handle' AND e.at >= @fromIso AND e.at < @toIso AND (@township IS NULL OR k.township = @township)`,
  );
  const helpParams = (range: StatsRange, township: string | null) => ({ fromIso: range.fromIso, toIso: range.toIso, township });

  return {
    targetClasses: (range: StatsRange, township: string | null) => targetClasses.all(helpParams(range, township)),
    /** The encrypted detail of each case's latest decision in the range; the caller decrypts the decision code. */
    *decisionDetails(range: StatsRange, township: string | null): Generator<Buffer | null> {
      for (const row of decisions.iterate(helpParams(range, township))) yield row.detail_enc;
    },
    policyMeasures: (range: StatsRange, township: string | null) => policies.all(helpParams(range, township)),
    referralsByResource: (range: StatsRange, township: string | null) => referrals.all(helpParams(range, township)),
    warningsRaised: (range: StatsRange, township: string | null) => warningsRaised.iterate(helpParams(range, township)),
    /** Each 分类处置 in the range; the caller decrypts the branch. */
    warningsHandled: (range: StatsRange, township: string | null) => warningsHandled.iterate(helpParams(range, township)),
    scans: (range: StatsRange) => scans.all({ fromDay: range.fromDay, toDay: range.toDay }),
    completions: (range: StatsRange) => completions.all({ fromDay: range.fromDay, toDay: range.toDay }),
    submissions: (range: StatsRange) => submissions.all({ fromIso: range.fromIso, toIso: range.toIso }),
    /** One small fact per case created in the range, read row by row. */
    *caseFacts(range: StatsRange): Generator<CaseFact> {
      for (const row of cases.iterate({ fromIso: range.fromIso, toIso: range.toIso })) {
        yield { township: row.township, month: row.month, status: row.status, source: row.source, createdAt: row.created_at, firstContactAt: row.first_contact_at, decided: row.decided === 1 };
      }
    },
    overdueByTownship: (now: string) => overdue.all(now),
  };
}

export type AdminStatsRepository = ReturnType<typeof createAdminStatsRepository>;
