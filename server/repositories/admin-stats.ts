import { sql, type RawBuilder } from 'kysely';
import { isCountyCode } from '../../shared/accounts/scope';
import type { Engine } from '../db/engine';
import { chinaMonth } from './dialect';

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

/** The county's figures: counters per township and month; nothing personal is read. */
export function createAdminStatsRepository(db: Engine) {
  // A month in China time from an ISO instant stored in UTC.
  const month = (column: string) => chinaMonth(db, column);
  const firstContact = (caseColumn: string, since?: string) =>
    sql<string | null>`(SELECT min(e.at) FROM case_events e WHERE e.case_id = ${sql.ref(caseColumn)} AND e.type IN ('contact', 'visit')${
      since ? sql` AND e.at >= ${sql.ref(since)}` : sql``
    })`;
  // A place is a township or, from #16, a county code: a county filters on the county column beside the township.
  const inTownship = (column: string, place: string | null) =>
    place === null ? sql`` : sql` AND ${sql.ref(isCountyCode(place) ? column.replace(/township$/, 'county') : column)} = ${place}`;
  const rows = async <T>(query: RawBuilder<T>): Promise<T[]> => (await query.execute(db)).rows;

  return {
    /** 政策找人's figures; township null means the whole county. */
    targetClasses: async (range: StatsRange, township: string | null): Promise<Array<{ target_class: string | null; n: number }>> =>
      (
        await rows(sql<{ target_class: string | null; n: number }>`SELECT target_class, count(*) AS n FROM cases
          WHERE created_at >= ${range.fromIso} AND created_at < ${range.toIso}${inTownship('township', township)} GROUP BY target_class`)
      ).map((r) => ({ ...r, n: Number(r.n) })),
    /**
     * The encrypted detail of each case's latest decision made in the range (a reopened case decided again counts
     * once, as it ended); the caller decrypts the decision code.
     */
    decisionDetails: async (range: StatsRange, township: string | null): Promise<Array<Buffer | null>> =>
      (
        await rows(sql<{ detail_enc: Buffer | null }>`SELECT e.detail_enc FROM case_events e JOIN cases k ON k.id = e.case_id
          WHERE e.type = 'decide' AND e.at >= ${range.fromIso} AND e.at < ${range.toIso}${inTownship('k.township', township)}
            AND e.id = (SELECT max(d.id) FROM case_events d WHERE d.case_id = e.case_id AND d.type = 'decide' AND d.at < ${range.toIso})
          ORDER BY e.id`)
      ).map((r) => r.detail_enc),
    policyMeasures: async (range: StatsRange, township: string | null): Promise<Array<{ policy_id: string; name: string; status: string; n: number }>> =>
      (
        await rows(sql<{ policy_id: string; name: string; status: string; n: number }>`SELECT m.policy_id, min(m.title) AS name, m.status, count(*) AS n
          FROM plan_measures m JOIN households h ON h.id = m.household_id
          WHERE m.kind = 'policy' AND m.created_at >= ${range.fromIso} AND m.created_at < ${range.toIso}${inTownship('h.township', township)}
          GROUP BY m.policy_id, m.status ORDER BY m.policy_id, m.status`)
      ).map((r) => ({ ...r, n: Number(r.n) })),
    referralsByResource: async (
      range: StatsRange,
      township: string | null,
    ): Promise<Array<{ resource_id: number; name: string; kind: string; status: string; n: number }>> =>
      (
        await rows(sql<{ resource_id: number; name: string; kind: string; status: string; n: number }>`SELECT r.resource_id, s.name, s.kind, r.status, count(*) AS n
          FROM referrals r JOIN resources s ON s.id = r.resource_id JOIN cases k ON k.id = r.case_id
          WHERE r.created_at >= ${range.fromIso} AND r.created_at < ${range.toIso}${inTownship('k.township', township)}
          GROUP BY r.resource_id, s.name, s.kind, r.status ORDER BY s.name, r.resource_id, r.status`)
      ).map((r) => ({ ...r, n: Number(r.n) })),
    /** 数据预警: each warning raised in the range with its case's township and the first call or visit after it. */
    warningsRaised: (
      range: StatsRange,
      township: string | null,
    ): Promise<Array<{ township: string; month: string; warning_key: string; raised_at: string; first_contact_at: string | null }>> =>
      rows(sql<{ township: string; month: string; warning_key: string; raised_at: string; first_contact_at: string | null }>`SELECT k.township,
          ${month('w.raised_at')} AS month, w.warning_key, w.raised_at, ${firstContact('w.case_id', 'w.raised_at')} AS first_contact_at
        FROM warning_keys w JOIN cases k ON k.id = w.case_id
        WHERE w.raised_at >= ${range.fromIso} AND w.raised_at < ${range.toIso}${inTownship('k.township', township)}
        ORDER BY w.raised_at, w.warning_key`),
    /** Each 分类处置 in the range; the caller decrypts the branch. */
    warningsHandled: (range: StatsRange, township: string | null): Promise<Array<{ township: string; month: string; detail_enc: Buffer | null }>> =>
      rows(sql<{ township: string; month: string; detail_enc: Buffer | null }>`SELECT k.township, ${month('e.at')} AS month, e.detail_enc
        FROM case_events e JOIN cases k ON k.id = e.case_id
        WHERE e.type = 'handle' AND e.at >= ${range.fromIso} AND e.at < ${range.toIso}${inTownship('k.township', township)}
        ORDER BY e.id`),
    scans: async (range: StatsRange, place: string | null = null): Promise<Array<{ township: string; month: string; scans: number }>> =>
      (
        await rows(sql<{ township: string; month: string; scans: number }>`SELECT e.township, substr(c.day, 1, 7) AS month, sum(c.scans) AS scans
          FROM scan_counts c JOIN entry_points e ON e.code = c.entry_code
          WHERE c.day >= ${range.fromDay} AND c.day <= ${range.toDay}${inTownship('e.township', place)} GROUP BY e.township, substr(c.day, 1, 7)`)
      ).map((r) => ({ ...r, scans: Number(r.scans) })),
    completions: async (range: StatsRange, place: string | null = null): Promise<Array<{ township: string; month: string; completed: number; suspected: number }>> =>
      (
        await rows(sql<{ township: string; month: string; completed: number; suspected: number }>`SELECT e.township, substr(c.day, 1, 7) AS month,
            sum(c.completed) AS completed, sum(c.suspected) AS suspected
          FROM screening_counts c JOIN entry_points e ON e.code = c.entry_code
          WHERE c.day >= ${range.fromDay} AND c.day <= ${range.toDay}${inTownship('e.township', place)} GROUP BY e.township, substr(c.day, 1, 7)`)
      ).map((r) => ({ ...r, completed: Number(r.completed), suspected: Number(r.suspected) })),
    submissions: async (range: StatsRange, place: string | null = null): Promise<Array<{ township: string; month: string; kind: 'request' | 'report'; n: number }>> =>
      (
        await rows(sql<{ township: string; month: string; kind: 'request' | 'report'; n: number }>`SELECT k.township, ${month('s.created_at')} AS month,
            s.kind, count(*) AS n
          FROM submissions s JOIN cases k ON k.id = s.case_id
          WHERE s.created_at >= ${range.fromIso} AND s.created_at < ${range.toIso}${inTownship('k.township', place)} GROUP BY k.township, ${month('s.created_at')}, s.kind`)
      ).map((r) => ({ ...r, n: Number(r.n) })),
    /** One small fact per case created in the range. */
    async caseFacts(range: StatsRange, place: string | null = null): Promise<CaseFact[]> {
      const facts = await rows(sql<{
        township: string;
        month: string;
        status: string;
        source: string;
        created_at: string;
        first_contact_at: string | null;
        decided: number | boolean;
      }>`SELECT k.township, ${month('k.created_at')} AS month, k.status, k.source, k.created_at, ${firstContact('k.id')} AS first_contact_at,
          EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = k.id AND e.type = 'decide') AS decided
        FROM cases k WHERE k.created_at >= ${range.fromIso} AND k.created_at < ${range.toIso}${inTownship('k.township', place)} ORDER BY k.id`);
      // EXISTS is 0/1 on SQLite and a boolean on PostgreSQL.
      return facts.map((row) => ({
        township: row.township,
        month: row.month,
        status: row.status,
        source: row.source,
        createdAt: row.created_at,
        firstContactAt: row.first_contact_at,
        decided: Boolean(row.decided),
      }));
    },
    overdueByTownship: async (now: string, place: string | null = null): Promise<Array<{ township: string; n: number }>> =>
      (
        await rows(sql<{ township: string; n: number }>`SELECT township, count(*) AS n FROM cases WHERE closed_at IS NULL AND due_at < ${now}${inTownship('township', place)}
          GROUP BY township`)
      ).map((r) => ({ ...r, n: Number(r.n) })),
  };
}

export type AdminStatsRepository = ReturnType<typeof createAdminStatsRepository>;
