import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { withDatabaseOf } from '../../tests/helpers/data-dir-database';
import { createTestDatabase, postgresAnswers } from '../../tests/helpers/postgres';
import { activeEntryCodes, startRealServer, type RunningServer } from '../../tests/e2e/support/server';
import { killUnderLoad, lostSubmissions, postRequests } from './acknowledged';
import { load, type LoadResult } from './http-load';
import { backendCpuMs, cpuBetween } from './postgres-cpu';
import { processCpuMs } from './process-cpu';
import { loadQueuePages, QUEUE_PAGES, type QueuePage } from './queue-pages';
import { seedCases } from './seed-cases';
import type { BenchSection } from './sections';
import { benchLogin, countyAdminLogin } from './staff-login';
import type { Row } from './table';

const DEFAULT_CASES = 100_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const INTAKE_CONNECTIONS = 20;
const KILL_AFTER = 50;
const REDIS_URL = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
// Seeded cases are one a minute from this moment (seed-cases.ts): statistics over all of them run to the last one.
const SEED_START = Date.parse('2026-01-01T00:00:00Z');

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const seconds = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
/** 100000 → 「10 万」, as the county's people count. */
const inWan = (n: number) => (n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000} 万` : n.toLocaleString('en'));

type EngineName = 'sqlite' | 'postgres';

interface EngineFigures {
  seedSeconds: number;
  bytes: number;
  queue: Record<QueuePage, LoadResult>;
  /** CPU per queue request over all the pages: the server process, and PostgreSQL's backends (0 for SQLite). */
  queueCpu: { server: number; database: number };
  statsMs: number;
  intake: { perSecond: number; result: LoadResult };
  kill: { acked: number; lost: number; refused: Record<number, number> };
}

/**
 * `npm run bench -- --only=engines [--cases N]`: the same county on SQLite and on PostgreSQL, side by side. N cases
 * (100,000 unless told; `--cases 1000000` and `--cases 5000000` work too, seeding then takes a while) are written
 * the way intake stores them, the real server is started on each, and the same figures are taken: the staff queue,
 * residents' submissions, the county statistics, the size on disk, and kill -9 under load. PostgreSQL runs in a
 * throwaway database, dropped afterwards; where none answers the section says so and measures nothing.
 */
export const benchEngines: BenchSection = async (env, check) => {
  const cases = casesAsked(process.argv);
  if (!(await postgresAnswers())) return [{ name: '两种引擎对比（SQLite / PostgreSQL）', figure: 'PostgreSQL 未运行：跳过', target: '—' }];
  const sqlite = await measureEngine('sqlite', cases, env);
  const postgres = await measureEngine('postgres', cases, env);
  const both = <T>(pick: (f: EngineFigures) => T) => [pick(sqlite), pick(postgres)] as const;
  const side = (pick: (f: EngineFigures) => string) => both(pick).join(' / ');
  const wan = inWan(cases);

  const rows: Row[] = [{ name: `写入案件（SQLite / PostgreSQL，${wan}，含联系、认定）`, figure: side((f) => seconds(f.seedSeconds)), target: '—' }];
  for (const [page] of QUEUE_PAGES) {
    const ok = both((f) => f.queue[page].p99 < 25 && f.queue[page].non2xx === 0).every(Boolean);
    rows.push({
      name: `队列${page} p99（SQLite / PostgreSQL，${wan}）`,
      figure: `${side((f) => ms(f.queue[page].p99))}（p50 ${side((f) => ms(f.queue[page].p50))}）`,
      target: `< 25 ms ${check(`engines queue ${page}`, ok)}`,
    });
  }
  rows.push({
    name: `队列每页 CPU：服务进程 + PostgreSQL（SQLite / PostgreSQL，${wan}）`,
    figure: side((f) => `${f.queueCpu.server.toFixed(1)} + ${f.queueCpu.database.toFixed(1)} ms`),
    target: '—',
  });
  const intakeOk = both((f) => f.intake.result.non2xx === 0 && f.intake.perSecond > 0).every(Boolean);
  rows.push({
    name: `提交求助（${INTAKE_CONNECTIONS} 并发，SQLite / PostgreSQL）`,
    figure: `${side((f) => String(f.intake.perSecond))} 次确认/秒，p99 ${side((f) => ms(f.intake.result.p99))}`,
    target: `全部 201 ${check('engines intake', intakeOk)}${intakeOk ? '' : `（${side((f) => JSON.stringify(f.intake.result.statusCodes))}）`}`,
  });
  rows.push({ name: `县级统计 GET /api/admin/stats（SQLite / PostgreSQL，${wan}）`, figure: side((f) => seconds(f.statsMs / 1000)), target: '—' });
  rows.push({ name: `数据库大小（SQLite 文件+wal / PostgreSQL，${wan}）`, figure: side((f) => mib(f.bytes)), target: '—' });
  const killOk = both((f) => f.kill.lost === 0 && f.kill.acked >= KILL_AFTER).every(Boolean);
  const refused = both((f) => Object.keys(f.kill.refused).length > 0).some(Boolean) ? `（未确认的回答 ${side((f) => JSON.stringify(f.kill.refused))}）` : '';
  rows.push({
    name: 'kill -9 压测中：已确认但丢失（SQLite / PostgreSQL）',
    figure: `${side((f) => `${f.kill.lost}/${f.kill.acked}`)}${refused}`,
    target: `0 ${check('engines kill -9', killOk)}`,
  });
  return rows;
};

/** `--cases N` or `--cases=N` among the command's arguments; 100,000 without. */
function casesAsked(argv: string[]): number {
  const at = argv.findIndex((arg) => arg === '--cases' || arg.startsWith('--cases='));
  if (at < 0) return DEFAULT_CASES;
  const value = Number(argv[at]!.includes('=') ? argv[at]!.slice('--cases='.length) : argv[at + 1]);
  if (!Number.isInteger(value) || value < 1000) throw new Error('--cases 需要一个不小于 1000 的整数，例如 --cases 100000');
  return value;
}

/**
 * One engine's figures. SQLite keeps its data and key file in a temporary DATA_DIR; PostgreSQL gets a throwaway
 * database, a DATA_KEY and Redis, as a province's servers would, and the database is dropped at the end.
 */
async function measureEngine(engine: EngineName, cases: number, env: Record<string, string>): Promise<EngineFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `xfm-engines-${engine}-`));
  const database = engine === 'postgres' ? await createTestDatabase() : null;
  // Blank settings for SQLite, so a DATABASE_URL in the shell does not send both runs to the same place.
  const engineEnv = database
    ? { DATABASE_URL: database.url, DATA_KEY: randomBytes(64).toString('base64'), REDIS_URL }
    : { DATABASE_URL: '', DATA_KEY: '', REDIS_URL: '' };
  const serverEnv = { ...env, ...engineEnv };
  const running: RunningServer[] = [];
  try {
    const seeded = await seedCases(dataDir, cases, 20, { followUps: true, databaseUrl: database?.url, dataKey: database ? engineEnv.DATA_KEY : undefined });
    const place = { dataDir, env: serverEnv };
    if (database) {
      // What autovacuum does within a minute of a bulk load: row counts for the planner, and the visibility map that
      // lets counts answer from an index alone (SQLite's counterpart, PRAGMA optimize, runs as the server opens the file).
      await withDatabaseOf(place, (db) => sql`VACUUM (ANALYZE)`.execute(db));
    }
    const bytes = await databaseBytes(engine, place);

    const server = await startRealServer(serverEnv, dataDir);
    running.push(server);
    const staff = await benchLogin(server, `benchq${Date.now().toString(36)}`, 'township_staff', seeded.townships[1]!);
    // A server just started still opens its connections and compiles its hot paths: a moment of traffic first.
    await load({ url: `${server.url}/api/staff/cases`, seconds: 2, headers: { cookie: staff }, connections: 4 });
    // CPU per request beside the latencies: on a shared machine the neighbours stretch p99, not the CPU a page costs.
    const cpuBefore = { server: processCpuMs(server.process.pid!), database: database ? await backendCpuMs(database.name) : new Map<number, number>() };
    const pages = await loadQueuePages(server, staff, Math.max(3, SECONDS / 2));
    const requests = pages.reduce((sum, { result }) => sum + result.requests, 0);
    const queueCpu = {
      server: (processCpuMs(server.process.pid!) - cpuBefore.server) / requests,
      database: database ? cpuBetween(cpuBefore.database, await backendCpuMs(database.name)) / requests : 0,
    };
    const queue = Object.fromEntries(pages.map(({ name, result }) => [name, result])) as Record<QueuePage, LoadResult>;
    const statsMs = await countyStatistics(server, cases);
    const [entry] = await activeEntryCodes(server);
    const intake = await postRequests(server, entry!.code, { seconds: SECONDS, connections: INTAKE_CONNECTIONS });

    const killed = await killUnderLoad(server, entry!.code, { clients: 4, killAfter: KILL_AFTER, firstSeq: 10_000_000 });
    running.pop();
    const restarted = await startRealServer(serverEnv, dataDir);
    running.push(restarted);
    const lost = await lostSubmissions(restarted, killed.acked);
    return {
      seedSeconds: seeded.seconds,
      bytes,
      queue,
      queueCpu,
      statsMs,
      intake: { perSecond: Math.round(intake.acked.length / SECONDS), result: intake.result },
      kill: { acked: killed.acked.length, lost, refused: killed.refused },
    };
  } finally {
    for (const server of running) await server.stop();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One county admin request for statistics over every seeded case, timed; it must count them all. */
async function countyStatistics(server: RunningServer, cases: number): Promise<number> {
  const cookie = await countyAdminLogin(server);
  const lastDay = new Date(SEED_START + cases * 60_000).toISOString().slice(0, 10);
  const started = performance.now();
  const res = await fetch(`${server.url}/api/admin/stats?from=2026-01-01&to=${lastDay}`, { headers: { cookie } });
  const body = (await res.json()) as { total?: { cases: number } };
  const elapsed = performance.now() - started;
  if (res.status !== 200 || body.total?.cases !== cases) throw new Error(`statistics failed: ${res.status} ${JSON.stringify(body).slice(0, 200)}\n${server.output().slice(-3000)}`);
  return elapsed;
}

/** The database's size on disk: SQLite's file and its write-ahead log, or what PostgreSQL reports for the database. */
async function databaseBytes(engine: EngineName, place: { dataDir: string; env: NodeJS.ProcessEnv }): Promise<number> {
  if (engine === 'postgres') {
    const [row] = await withDatabaseOf(place, async (db) => (await sql<{ bytes: number }>`SELECT pg_database_size(current_database()) AS bytes`.execute(db)).rows);
    return Number(row!.bytes);
  }
  const file = path.join(place.dataDir, 'xingfuma.sqlite');
  return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}
