import { inPlace, isCountyCode } from '../../shared/accounts/scope';
import type { StatsInfo } from '../../shared/schemas/admin-reports';
import type { Store } from '../db/store';
import type { StatsRange } from '../repositories/admin-stats';
import { addDays, chinaDayStart } from '../../shared/time';
import { chinaDate } from './clock';
import { rowsOf } from './rows';

type Figures = Omit<StatsInfo['months'][number], 'month'>;
/** The funnel and its figures; the worker adds 政策找人's figures (server/domain/help-stats.ts), which need the key. */
type CountyFigures = Omit<StatsInfo, 'help' | 'warnings' | 'register'>;
type TownshipFigures = StatsInfo['townships'][number];

/** A China-date range as the SQL needs it; by default the last 12 calendar months up to today. */
export function statsRange(now: string, from?: string, to?: string): StatsRange {
  const today = chinaDate(now);
  const toDay = to ?? today;
  const [y, m] = toDay.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
  const fromDay = from ?? start;
  return { fromDay, toDay, fromIso: chinaDayStart(fromDay), toIso: chinaDayStart(addDays(toDay, 1)), now };
}

export function monthsBetween(fromDay: string, toDay: string): string[] {
  const months: string[] = [];
  let [y, m] = fromDay.split('-').map(Number) as [number, number];
  const last = toDay.slice(0, 7);
  for (let i = 0; i < 240; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    months.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

class Tally {
  scans = 0;
  completed = 0;
  suspected = 0;
  requests = 0;
  reports = 0;
  cases = 0;
  contacted = 0;
  decided = 0;
  selfContacted = 0;
  selfDecided = 0;
  hours: number[] = [];
  byStatus: Record<string, number> = {};

  figures(): Figures {
    const { scans, completed, suspected, requests, reports, cases, contacted, decided } = this;
    return { scans, completed, suspected, requests, reports, cases, contacted, decided, medianHoursToContact: median(this.hours) };
  }
}

/** Per township and per month: the funnel from scan to decision, cases by status, time to first contact. */
export async function countyStats(store: Store, range: StatsRange, place?: string): Promise<CountyFigures> {
  const { repos } = store;
  // A place is a township or a county (#16); left out, the whole database (a province admin's view).
  const regions = await repos.regions.list();
  const townships = regions.filter((r) => r.level === 'township' && inPlace(place, r.code));
  const township = place && !isCountyCode(place) ? place : undefined;
  const wanted = new Set(townships.map((t) => t.code));
  const byTownship = new Map(townships.map((t) => [t.code, new Tally()]));
  const months = monthsBetween(range.fromDay, range.toDay);
  const byMonth = new Map(months.map((m) => [m, new Tally()]));
  const total = new Tally();
  const tallies = (code: string, month: string) => (wanted.has(code) ? [byTownship.get(code)!, byMonth.get(month), total].filter((x): x is Tally => !!x) : []);

  for (const row of await repos.adminStats.scans(range, place ?? null)) {
    for (const tally of tallies(row.township, row.month)) tally.scans += row.scans;
  }
  for (const row of await repos.adminStats.completions(range, place ?? null)) {
    for (const tally of tallies(row.township, row.month)) {
      tally.completed += row.completed;
      tally.suspected += row.suspected;
    }
  }
  for (const row of await repos.adminStats.submissions(range, place ?? null)) {
    for (const tally of tallies(row.township, row.month)) {
      if (row.kind === 'request') tally.requests += row.n;
      else tally.reports += row.n;
    }
  }
  // One row per case: read as a stream, never the whole county's cases in memory at once.
  for await (const fact of rowsOf(repos.adminStats.caseFacts(range, place ?? null))) {
    const hours = fact.firstContactAt ? (Date.parse(fact.firstContactAt) - Date.parse(fact.createdAt)) / 3_600_000 : null;
    for (const tally of tallies(fact.township, fact.month)) {
      tally.cases += 1;
      tally.byStatus[fact.status] = (tally.byStatus[fact.status] ?? 0) + 1;
      if (hours !== null) {
        tally.contacted += 1;
        tally.hours.push(hours);
        if (fact.source === 'self') tally.selfContacted += 1;
      }
      if (fact.decided) {
        tally.decided += 1;
        if (fact.source === 'self') tally.selfDecided += 1;
      }
    }
  }
  const overdue = new Map((await repos.adminStats.overdueByTownship(range.now, place ?? null)).map((r) => [r.township, r.n]));
  const row = (code: string, name: string, tally: Tally, overdueCount: number): TownshipFigures => ({
    code,
    name,
    ...tally.figures(),
    byStatus: tally.byStatus,
    overdue: overdueCount,
  });
  const townshipRows = townships.map((t) => row(t.code, t.name, byTownship.get(t.code)!, overdue.get(t.code) ?? 0));
  const totalRow = row(township ?? 'all', township ? townships[0]?.name ?? '' : place || regions.filter((r) => r.level === 'county').length <= 1 ? '全县' : '全省', total, townshipRows.reduce((n, r) => n + r.overdue, 0));
  return {
    from: range.fromDay,
    to: range.toDay,
    townships: townshipRows,
    months: months.map((month) => ({ month, ...byMonth.get(month)!.figures() })),
    total: totalRow,
    // The resident's path: only self-check requests go on past 「申请联系」, so reports are left out of the last steps.
    funnel: [
      { step: 'scans', label: '扫码', count: total.scans },
      { step: 'completed', label: '完成自测', count: total.completed },
      { step: 'requested', label: '申请联系', count: total.requests },
      { step: 'contacted', label: '已联系', count: total.selfContacted },
      { step: 'decided', label: '已认定', count: total.selfDecided },
    ],
  };
}
