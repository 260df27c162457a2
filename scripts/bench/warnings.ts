import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idNumberCheckChar } from '../../shared/identity/id-number';
import { signalTemplateCsv } from '../../shared/warnings/template';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import { activeEntryCodes, startRealServer, type RunningServer } from '../../tests/e2e/support/server';
import type { BenchSection } from './sections';
import { load, nextClientAddress } from './http-load';
import { benchLogin } from './staff-login';
import type { Row } from './table';

const ROWS = 200_000;
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/**
 * A 医保 list of `rows` rows in the demo county's townships: valid ID numbers (birth days spread over 200 days,
 * 1,000 people each), one row in ten at or above the 20,000 元 line, every 500th row with a bad amount.
 */
export function medicalCsv(rows: number, townships: readonly string[]): Buffer {
  const lines: string[] = [];
  const start = Date.UTC(1960, 0, 1);
  for (let i = 0; i < rows; i++) {
    const born = new Date(start + Math.floor(i / 1000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const first17 = `330327${born}${String(i % 1000).padStart(3, '0')}`;
    const amount = i % 500 === 499 ? '很多' : i % 10 === 0 ? String(20_000 + (i % 30_000)) : String(500 + (i % 19_000));
    lines.push(`${first17}${idNumberCheckChar(first17)},压测${i},${townships[i % townships.length]},${amount},2026-01-01,2026-06-30`);
  }
  return Buffer.from(signalTemplateCsv('medical') + lines.join('\r\n') + '\r\n');
}

async function signIn(server: RunningServer): Promise<{ cookie: string; csrf: string }> {
  const cookie = await benchLogin(server, `bench_warn_${Date.now()}`, 'county_admin');
  const me = (await (await fetch(`${server.url}/api/staff/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

/**
 * `npm run bench -- --only=warnings`: a 200,000-row medical list imported through the county's web endpoint on a real
 * server (upload → 202 → polling until done), while residents' screenings run beside it; the screenings' p99 is
 * taken over the import only.
 */
export const benchWarnings: BenchSection = async (env, check) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-bench-warnings-'));
  const server = await startRealServer(env, dataDir);
  const rows: Row[] = [];
  try {
    const entries = await activeEntryCodes(server);
    const townships = [...new Set(entries.map((e) => e.township))];
    const file = medicalCsv(ROWS, townships);
    const { cookie, csrf } = await signIn(server);

    let importMs = 0;
    // When matching began: the file's reading on the worker is the time before it.
    let readMs = 0;
    let finalJob: Record<string, unknown> = {};
    const importing = (async () => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/admin/signals/imports?source=medical&fileName=${encodeURIComponent('压测医保.csv')}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(file),
      });
      if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
      const { id } = (await res.json()) as { id: number };
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        finalJob = (await (await fetch(`${server.url}/api/admin/signals/imports/${id}`, { headers: { cookie } })).json()) as Record<string, unknown>;
        if (!readMs && finalJob.status !== 'queued' && finalJob.status !== 'parsing') readMs = performance.now() - t0;
        if (finalJob.status === 'done' || finalJob.status === 'failed') break;
      }
      importMs = performance.now() - t0;
    })();

    const screening = await load({
      url: `${server.url}/api/screenings`,
      method: 'POST',
      seconds: 120,
      connections: 4,
      body: () => ({ entryCode: entries[0]!.code, answers: HARDSHIP_ANSWERS }),
      perRequestHeaders: () => nextClientAddress(),
      until: importing,
    });
    await importing;
    const seconds = importMs / 1000;
    const importOk = finalJob.status === 'done' && seconds < 60;
    const p99Ok = screening.p99 < 50;
    rows.push({
      name: `导入 20 万行医保名单（网页接口，${String(finalJob.warnings ?? '?')} 条预警；读文件 ${(readMs / 1000).toFixed(1)} s，比对 ${((importMs - readMs) / 1000).toFixed(1)} s）`,
      figure: `${seconds.toFixed(1)} s`,
      target: `< 60 s ${check('导入 20 万行', importOk)}`,
    });
    rows.push({
      name: `导入期间居民预判 p99（${screening.requests} 次，${screening.non2xx} 次非 2xx）`,
      figure: ms(screening.p99),
      target: `< 50 ms ${check('导入期间居民预判 p99', p99Ok)}`,
    });
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
};
