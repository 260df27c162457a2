import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchEngine } from './engine';
import { openStore, storageTarget } from '../../server/db/open-store';
import type { QueueFilter } from '../../server/repositories/case-queue';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import { activeEntryCodes, freePort, startRealServer, type RunningServer } from '../../tests/e2e/support/server';
import { buildStale, ROOT } from '../build.mjs';
import { lostSubmissions, postRequests } from './acknowledged';
import { measurePhone, type PhoneFigures } from './phone';
import { load, nextClientAddress, type LoadResult } from './http-load';
import { processCpuMs } from './process-cpu';
import { loadQueuePages } from './queue-pages';
import { createScorecard, SECTIONS, type Check } from './sections';
import { serverRssMiB } from './process-memory';
import { seedCases } from './seed-cases';
import { benchLogin } from './staff-login';
import type { Row } from './table';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// The bench server sits "behind a proxy" on loopback so each simulated client gets its own rate-limit bucket.
export const BEHIND_PROXY = { TRUST_PROXY: '127.0.0.1', LOG_LEVEL: 'warn' };
const HTTP_ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fastest = (rounds: LoadResult[]) => rounds.reduce((best, r) => (r.rps > best.rps ? r : best));
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/** `npm run bench [-- --load] [-- --no-reports] [-- --no-<section>]`: every figure next to its target, measured on this machine in this run. */
export async function runBench(args: string[]): Promise<void> {
  await buildStale();
  const scorecard = createScorecard();
  const { rows, check } = scorecard;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-bench-'));

  try {
    // 1. Start-up and the resident's first page.
    const dataDir = path.join(work, 'small');
    let t0 = performance.now();
    let server = await startRealServer(BEHIND_PROXY, dataDir);
    const firstStart = performance.now() - t0;
    await server.stop();
    t0 = performance.now();
    server = await startRealServer(BEHIND_PROXY, dataDir);
    const secondStart = performance.now() - t0;
    rows.push({ name: '首次启动（迁移+演示数据+管理员）', figure: ms(firstStart), target: `< 3000 ms ${check('startup', firstStart < 3000)}` });
    rows.push({ name: '再次启动（已构建）', figure: ms(secondStart), target: `< 3000 ms ${check('restart', secondStart < 3000)}` });

    const [entry] = await activeEntryCodes(server);
    // `--only=phone` or `--only=api` runs start-up and that one section.
    const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
    if (only !== 'api') rows.push(...phoneRows(await measurePhone(server.url, entry!.code), check));
    if (only === 'phone') {
      await server.stop();
      return scorecard.finish();
    }

    // 2. The engine in-process, then through HTTP next to a bare Fastify. This machine's neighbours only ever
    // slow a run down, so each figure is the best of several short rounds (the median is shown beside it),
    // and the HTTP rounds alternate app and baseline so both see the same conditions.
    const engineRounds = Array.from({ length: 5 }, () => benchEngine(100_000).perSecond);
    const engineBest = Math.max(...engineRounds);
    rows.push({
      name: '预判引擎（进程内，5 轮最好 / 中位数）',
      figure: `${engineBest.toLocaleString('en')} / ${median(engineRounds).toLocaleString('en')} 次/秒`,
      target: `≥ 200,000 次/秒 ${check('engine', engineBest >= 200_000)}`,
    });

    const rssIdle = serverRssMiB(server.process.pid!);
    const hello = await startHello();
    const screeningBody = () => ({ entryCode: entry!.code, answers: HARDSHIP_ANSWERS });
    const bareRounds: LoadResult[] = [];
    const screeningRounds: LoadResult[] = [];
    const plainRounds: LoadResult[] = [];
    // Server CPU time per request is steadier than req/s on a shared machine: printed beside the ratio.
    // Screenings are asked for as a phone asks (brotli accepted) and, to price the compression, plain.
    // Each side keeps its CPU µs per request of every round; like throughput, the best round is the figure.
    const cpu = { bare: [] as number[], screening: [] as number[], plain: [] as number[] };
    const timed = async (side: keyof typeof cpu, pid: number, run: () => Promise<LoadResult>) => {
      const before = processCpuMs(pid);
      const result = await run();
      cpu[side].push(((processCpuMs(pid) - before) * 1000) / Math.max(1, result.requests));
      return result;
    };
    for (let round = 0; round < HTTP_ROUNDS; round++) {
      bareRounds.push(await timed('bare', hello.pid, () => load({ url: `${hello.url}/hello`, method: 'POST', seconds: SECONDS / HTTP_ROUNDS, body: screeningBody })));
      const sides = [
        ['screening', screeningRounds, BROWSER_ENCODINGS],
        ['plain', plainRounds, 'identity'],
      ] as const;
      // Which goes first alternates too: on a busy machine the order alone moves CPU per request.
      for (const [side, rounds, encoding] of round % 2 ? [...sides].reverse() : sides) {
        rounds.push(
          await timed(side, server.process.pid!, () =>
            load({
              url: `${server.url}/api/screenings`,
              method: 'POST',
              seconds: SECONDS / HTTP_ROUNDS,
              body: screeningBody,
              headers: { 'accept-encoding': encoding },
              perRequestHeaders: nextClientAddress,
            }),
          ),
        );
      }
    }
    hello.stop();
    const bareCpu = Math.min(...cpu.bare);
    const screeningCpu = Math.min(...cpu.screening);
    const plainCpu = Math.min(...cpu.plain);
    const compressionCost = screeningCpu / plainCpu - 1;
    const bare = fastest(bareRounds);
    const screening = fastest(screeningRounds);
    const ratio = screening.rps / bare.rps;
    rows.push({ name: `裸 Fastify hello-world（基线，${HTTP_ROUNDS} 轮最好）`, figure: `${bare.rps} 次/秒，p99 ${ms(bare.p99)}`, target: '—' });
    rows.push({
      name: `POST /api/screenings（${HTTP_ROUNDS} 轮最好）`,
      figure: `${screening.rps} 次/秒，p99 ${ms(screening.p99)}（${Math.round(ratio * 100)}%；中位数 ${median(screeningRounds.map((r) => r.rps))}）`,
      target: `≥ 60% 基线 ${check('screenings ratio', ratio >= 0.6 && screeningRounds.every((r) => r.non2xx === 0))}`,
    });
    rows.push({
      name: '  服务端 CPU / 请求（基线 / 预判，最好一轮）',
      figure: `${bareCpu.toFixed(0)} / ${screeningCpu.toFixed(0)} µs（基线的 ${Math.round((bareCpu / screeningCpu) * 100)}% 效率）`,
      target: '—',
    });
    rows.push({
      name: '  压缩增加的预判 CPU（br / 不压缩）',
      figure: `${screeningCpu.toFixed(0)} / ${plainCpu.toFixed(0)} µs（+${Math.round(compressionCost * 100)}%）`,
      target: `< 15% ${check('compression cpu', compressionCost < 0.15)}`,
    });

    // 3. Submissions with the durability setting in force (synchronous=FULL).
    const { result: submissions, acked } = await postRequests(server, entry!.code, { seconds: SECONDS });
    rows.push({
      name: 'POST /api/requests（synchronous=FULL）',
      figure: `${acked.length / SECONDS} 次确认/秒，p99 ${ms(submissions.p99)}`,
      target: `全部 201 ${check('submissions', submissions.non2xx === 0 && acked.length > 0)}`,
    });
    const rssAfter = serverRssMiB(server.process.pid!);
    rows.push({ name: '服务内存 RSS（空闲 / 压测后）', figure: `${rssIdle.toFixed(0)} / ${rssAfter.toFixed(0)} MiB`, target: `< 150 MiB ${check('rss', rssAfter < 150)}` });
    await server.stop();
    if (only === 'api') return scorecard.finish();

    // 4. The staff queue on 100,000 cases across 20 townships.
    const bigDir = path.join(work, 'big');
    const seeded = await seedCases(bigDir, 100_000, 20);
    rows.push({ name: '写入 10 万个案件', figure: `${seeded.seconds.toFixed(1)} s`, target: `< 60 s ${check('seed', seeded.seconds < 60)}` });
    const township = seeded.townships[1]!;
    const plans = await explainQueue(bigDir, township);
    for (const plan of plans) {
      const scans = plan.detail.some((d) => /^SCAN cases\b/.test(d) && !/USING (COVERING )?INDEX/.test(d));
      rows.push({ name: `  查询计划：${plan.name}`, figure: plan.detail.join('; ').slice(0, 70), target: `用索引 ${check(`plan ${plan.name}`, !scans)}` });
    }
    server = await startRealServer(BEHIND_PROXY, bigDir);
    const cookie = await benchLogin(server, 'bench', 'township_staff', township);
    for (const { name, result: queue } of await loadQueuePages(server, cookie, Math.max(3, SECONDS / 2))) {
      rows.push({
        name: `GET /api/staff/cases ${name}（10 万）`,
        figure: `p50 ${ms(queue.p50)}，p99 ${ms(queue.p99)}`,
        target: `p99 < 25 ms ${check(`queue ${name}`, queue.p99 < 25 && queue.non2xx === 0)}`,
      });
    }
    if (args.includes('--load')) rows.push(...(await loadTest(server, cookie, check)));
    await server.stop();

    // 5. The sections that also run alone: the register on 100,000 households and a million visits, county
    // statistics over a million cases while residents screen (their databases are cached in .bench/), …
    for (const [name, section] of Object.entries(SECTIONS)) {
      if (!args.includes(`--no-${name}`)) rows.push(...(await section(BEHIND_PROXY, check)));
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  scorecard.finish();
}

async function startHello(): Promise<{ url: string; pid: number; stop(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'bench', 'hello.ts')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('hello ready') && resolve()));
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

async function explainQueue(dataDir: string, township: string): Promise<Array<{ name: string; detail: string[] }>> {
  const opened = await openStore(storageTarget({ dataDir }));
  try {
    const { queue } = opened.store.repos;
    const base: QueueFilter = { township, openOnly: true, limit: 21 };
    const plans: Array<{ name: string; detail: string[] }> = [];
    for (const { name, filter } of [
      { name: '乡镇第一页', filter: base },
      { name: '按状态', filter: { ...base, openOnly: false, status: 'new' } },
      { name: '按风险', filter: { ...base, level: 'red' } },
      { name: '逾期', filter: { ...base, overdueAsOf: new Date().toISOString() } },
      { name: '全县第一页', filter: { ...base, township: null } },
    ]) {
      plans.push({ name, detail: await queue.explain(filter) });
    }
    return plans;
  } finally {
    await opened.close();
  }
}

/** `--load`: submissions and the staff queue together, then check nothing acknowledged was lost. */
async function loadTest(server: RunningServer, cookie: string, check: Check): Promise<Row[]> {
  const [entry] = await activeEntryCodes(server);
  const before = serverRssMiB(server.process.pid!);
  const [{ result: writes, acked }, reads]: [{ result: LoadResult; acked: string[] }, LoadResult] = await Promise.all([
    postRequests(server, entry!.code, { seconds: 30, connections: 5, firstSeq: 5_000_000 }),
    load({ url: `${server.url}/api/staff/cases`, seconds: 30, connections: 5, headers: { cookie } }),
  ]);
  const after = serverRssMiB(server.process.pid!);
  const lost = await lostSubmissions(server, acked);
  const fiveXx = (writes.statusCodes['5xx'] ?? 0) + (reads.statusCodes['5xx'] ?? 0);
  return [
    { name: '负载 30 s：提交 + 队列并发', figure: `${writes.rps} + ${reads.rps} 次/秒`, target: '—' },
    { name: '  5xx 数', figure: String(fiveXx), target: `0 ${check('load 5xx', fiveXx === 0)}` },
    { name: '  已确认但丢失的提交', figure: `${lost} / ${acked.length}`, target: `0 ${check('load lost', lost === 0)}` },
    { name: '  RSS 增长', figure: `${(after - before).toFixed(1)} MiB（${after.toFixed(0)} MiB）`, target: `< 50 MiB ${check('load rss', after - before < 50)}` },
  ];
}

/** Chromium's own Accept-Encoding, so the API is priced as phones use it. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const runsOf = (values: number[], format: (n: number) => string) => `${format(median(values))}（${values.map((v) => format(v)).join(' / ')}）`;

/** The resident's phone on Slow 3G, measured in Chromium: the median of the runs, each run beside it. */
function phoneRows(phone: PhoneFigures, check: Check): Row[] {
  const at = (n: number) => `${Math.round(n)} ms`;
  const path = phone.pathBytes + phone.pathWorkerBytes;
  return [
    { name: '落地页首次绘制 FCP（慢速 3G，首次访问）', figure: runsOf(phone.landingFcp, at), target: `≤ 5000 ms ${check('landing fcp', median(phone.landingFcp) <= 5000)}` },
    {
      name: '  落地页收到的字节（到 load，Chromium 计）',
      figure: `${runsOf(phone.landingBytes, kB)}，${median(phone.landingRequests)} 个请求`,
      target: `≤ 60 kB ${check('landing bytes', median(phone.landingBytes) <= 60_000)}`,
    },
    { name: '点「自助测一测」→ 第 1 题出现', figure: runsOf(phone.tapToQuestion, at), target: `≤ 3000 ms ${check('tap to question', median(phone.tapToQuestion) <= 3000)}` },
    { name: '  点击后画面有反应', figure: runsOf(phone.tapFeedback, at), target: `≤ 100 ms ${check('tap feedback', median(phone.tapFeedback) <= 100)}` },
    { name: '再次访问落地页 FCP（service worker）', figure: runsOf(phone.repeatFcp, at), target: `≤ 1500 ms ${check('repeat fcp', median(phone.repeatFcp) <= 1500)}` },
    { name: '深链接打开第 1 题（首次访问）', figure: runsOf(phone.deepLink, at), target: `≤ 7000 ms ${check('deep link', median(phone.deepLink) <= 7000)}` },
    {
      name: '  深链接的请求数',
      figure: `${median(phone.deepLinkRequests)}（${phone.deepLinkRequests.join(' / ')}）`,
      target: `≤ 8 ${check('deep link requests', median(phone.deepLinkRequests) <= 8)}`,
    },
    {
      name: '扫码 → 结果 → 联系 全程收到的字节',
      figure: `${kB(path)}（页面 ${kB(phone.pathBytes)} + service worker ${kB(phone.pathWorkerBytes)}）`,
      target: `≤ 160 kB ${check('path bytes', path <= 160_000)}`,
    },
  ];
}
