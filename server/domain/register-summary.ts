import { inPlace } from '../../shared/accounts/scope';
import { addDays, endOfWeek } from '../../shared/register/cadence';
import { REVIEW_NOTICE_DAYS, type RegisterSummaryInfo } from '../../shared/schemas/register-import';
import type { Store } from '../db/store';

type Counts = RegisterSummaryInfo['totals'];
type Row = Awaited<ReturnType<Store['repos']['households']['summary']>>[number];

const zero = (): Counts => ({ households: 0, overdue: 0, dueThisWeek: 0, reviewsDue: 0 });
const add = (into: Counts, r: Row) => {
  into.households += r.households;
  into.overdue += r.overdue;
  into.dueThisWeek += r.due_this_week - r.overdue;
  into.reviewsDue += r.reviews_due;
};

/**
 * The register by township and village (visits overdue, due this week, re-checks due) and by category and
 * level, in a place (a township or a county code, #16; left out: everywhere). Counted on the report worker (county statistics and the 在册名单 page), never on the request thread.
 */
export async function registerSummary(store: Store, today: string, place?: string): Promise<RegisterSummaryInfo> {
  const { repos } = store;
  const rows = (await repos.households.summary(today, endOfWeek(today), addDays(today, REVIEW_NOTICE_DAYS))).filter((r) => inPlace(place, r.township));
  const names = new Map((await repos.regions.list()).map((r) => [r.code, r.name]));
  const result: RegisterSummaryInfo = { asOf: today, totals: zero(), byCategory: {}, byLevel: {}, townships: [] };
  const townships = new Map<string, RegisterSummaryInfo['townships'][number]>();
  for (const r of rows) {
    add(result.totals, r);
    result.byCategory[r.category] = (result.byCategory[r.category] ?? 0) + r.households;
    result.byLevel[r.level] = (result.byLevel[r.level] ?? 0) + r.households;
    if (!townships.has(r.township)) townships.set(r.township, { code: r.township, name: names.get(r.township) ?? r.township, ...zero(), villages: [] });
    const entry = townships.get(r.township)!;
    add(entry, r);
    let village = entry.villages.find((v) => v.code === r.village);
    if (!village) entry.villages.push((village = { code: r.village, name: r.village ? (names.get(r.village) ?? r.village) : '未填村社区', ...zero() }));
    add(village, r);
  }
  result.townships = [...townships.values()];
  return result;
}
