import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { activeEntryCodes, startRealServer } from '../../tests/e2e/support/server';
import { buildClient, clientIsStale } from '../client-build';
import { printTable, type Row } from './table';

/** `npm run bench`: every figure next to its target, measured on this machine in this run. */
export async function runBench(_args: string[]): Promise<void> {
  if (clientIsStale()) await buildClient();
  const rows: Row[] = [];

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-bench-'));
  const t0 = performance.now();
  const server = await startRealServer({ LOG_LEVEL: 'warn' }, dataDir);
  rows.push({ name: '首次启动（迁移+演示数据+管理员）', figure: `${Math.round(performance.now() - t0)} ms`, target: '< 3000 ms' });
  await server.stop();
  const t1 = performance.now();
  const again = await startRealServer({ LOG_LEVEL: 'warn' }, dataDir);
  rows.push({ name: '再次启动（已构建）', figure: `${Math.round(performance.now() - t1)} ms`, target: '< 3000 ms' });

  const [entry] = await activeEntryCodes(again);
  const page = await firstPageBytes(again.url, `/q/${entry!.code}`);
  rows.push({ name: '居民首屏 HTML+JS+CSS（gzip）', figure: `${(page.gzip / 1024).toFixed(1)} KiB`, target: '≤ 80 KiB' });
  rows.push({ name: '居民首屏 HTML+JS+CSS（brotli）', figure: `${(page.brotli / 1024).toFixed(1)} KiB`, target: '—' });
  await again.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });

  printTable(rows);
}

/** The HTML plus every script, modulepreload and stylesheet it references: what the landing needs. */
async function firstPageBytes(base: string, pathname: string): Promise<{ gzip: number; brotli: number }> {
  const html = await (await fetch(base + pathname)).text();
  const urls = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const bodies = [html, ...(await Promise.all(urls.map(async (u) => (await fetch(base + u)).text())))];
  let gzip = 0;
  let brotli = 0;
  for (const body of bodies) {
    gzip += gzipSync(body, { level: 9 }).length;
    brotli += brotliCompressSync(body).length;
  }
  return { gzip, brotli };
}
