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

  return {
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
