import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import { activeEntryCodes, startRealServer } from '../../tests/e2e/support/server';
import { cachedCases } from './cached-cases';
import { load, nextClientAddress } from './http-load';
import type { BenchSection } from './sections';
import { countyAdminLogin } from './staff-login';
import type { Row } from './table';

const CASES = 1_000_000;
const STATS_RUNS = 2;
// Every seeded case (seed-cases.ts: one a minute from 2026-01-01) falls in this range: the heaviest report.
const ALL_SEEDED = 'from=2026-01-01&to=2027-12-31';
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/**
 * A county admin loads statistics over a million cases while residents keep screening: the residents'
 * p99 stays low because the counting runs on the report worker, not on the thread that answers them.
 */
export const benchReports: BenchSection = async (env, check) => {
  const rows: Row[] = [];
  const seeded = await cachedCases(CASES, 20);
  rows.push({
    name: '写入 100 万个案件（含联系、认定；缓存在 .bench/）',
    figure: seeded.seededSeconds === null ? '复用缓存' : `${seeded.seededSeconds.toFixed(0)} s`,
    target: '—',
  });
  const server = await startRealServer(env, seeded.dataDir);
  try {
    const [entry] = await activeEntryCodes(server);
    const cookie = await countyAdminLogin(server);
    const stats = async () => {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/admin/stats?${ALL_SEEDED}`, { headers: { cookie } });
      const body = (await res.json()) as { total?: { cases: number } };
      if (res.status !== 200 || body.total?.cases !== CASES) throw new Error(`statistics failed: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      return performance.now() - started;
    };
    const times: number[] = [];
    const reports = (async () => {
      for (let run = 0; run < STATS_RUNS; run++) times.push(await stats());
    })();
    const screenings = await load({
      url: `${server.url}/api/screenings`,
      method: 'POST',
      seconds: 600,
      until: reports,
      body: () => ({ entryCode: entry!.code, answers: HARDSHIP_ANSWERS }),
      perRequestHeaders: nextClientAddress,
    });
    await reports;
    rows.push({
      name: `县级统计（100 万案件，${STATS_RUNS} 次：首次含启动线程）`,
      figure: times.map((t) => `${(t / 1000).toFixed(1)} s`).join(' / '),
      target: '— 在报表线程上，不阻塞居民',
    });
    rows.push({
      name: '  同时的居民 POST /api/screenings',
      figure: `p50 ${ms(screenings.p50)}，p99 ${ms(screenings.p99)}（${screenings.rps} 次/秒）`,
      target: `p99 < 50 ms ${check('screenings during statistics', screenings.p99 < 50 && screenings.non2xx === 0 && screenings.requests > 0)}`,
    });
  } finally {
    await server.stop();
  }
  return rows;
};
