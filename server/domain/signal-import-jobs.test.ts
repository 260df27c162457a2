import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalTemplateCsv } from '../../shared/warnings/template';
import { fakeIdNumber } from '../../tests/helpers/people';
import { sqliteEngine } from '../db/engine';
import { migrate } from '../db/migrate';
import { openDatabase, type DB } from '../db/open';
import { createStore, type Store } from '../db/store';
import { createVault } from './crypto';
import { createSignalImportJobs } from './signal-import-jobs';
import { parseSignalFile } from './signal-parse';

// The job itself, on a plain Store (the worker's parse called in-thread): progress, result, history, error lines.
let dir: string;
let db: DB;
let store: Store;
const vault = createVault({ encryption: randomBytes(32), index: randomBytes(32) });
const progress: Array<[string, number, number]> = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-signal-jobs-'));
  db = openDatabase(path.join(dir, 'db.sqlite'));
  migrate(db);
  store = createStore(sqliteEngine(db), 'sqlite');
  await sql`INSERT INTO regions (code, name, level, parent) VALUES ('330327000000', '苍南县', 'county', NULL),
    ('330327100000', '灵溪镇', 'township', '330327000000'), ('330327104000', '钱库镇', 'township', '330327000000')`.execute(store.db);
});
afterAll(async () => {
  await store.db.destroy();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const id = (n: number) => fakeIdNumber(`3303271975${String(1 + (n % 12)).padStart(2, '0')}01${String(n % 1000).padStart(3, '0')}`);

function medicalCsv(count: number): Uint8Array {
  const lines = Array.from({ length: count }, (_, n) => `${id(n)},王${n},330327100000,${n % 2 ? 30000 : 500},2026-01-01,2026-06-30`);
  // One bad row: a wrong region and a wrong amount, with a name and ID number that must not reach the report.
  lines.push(`${id(999)},秘密名字,330327999999,很多,2026-01-01,2026-06-30`);
  return Buffer.from(signalTemplateCsv('medical') + lines.join('\r\n'));
}

describe('signal import jobs', () => {
  it('run in batches recording progress, end with counts, per-cell error lines and an audit row; again, nothing new', async () => {
    const jobs = createSignalImportJobs({
      store,
      vault,
      parse: (task) => parseSignalFile(task, vault),
    });
    const bytes = medicalCsv(1200);
    const started = await jobs.start({ source: 'medical', fileName: '医保.csv', bytes, actor: 'county' });
    const watch = setInterval(() => {
      void store.repos.signalImports.find(started).then((j) => j && progress.push([j.status, j.rowsDone, j.rowsTotal]));
    }, 1);
    await jobs.idle();
    clearInterval(watch);
    // Whatever a poll saw along the way only went forward.
    const seen = progress.map(([, done]) => done);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const job = (await store.repos.signalImports.find(started))!;
    expect(job).toMatchObject({ status: 'done', rows: 1201, matched: 0, warnings: 600, duplicates: 0, rejected: 1, rowsDone: 1200, rowsTotal: 1200, actor: 'county' });
    expect(job.fileHash).toMatch(/^[0-9a-f]{64}$/);
    const lines = (await store.repos.signalImports.problems(started))!;
    expect(lines).toEqual([
      { row: 1202, column: '区划代码', reason: '本县没有区划代码 330327999999' },
      { row: 1202, column: '自付金额', reason: '自付金额请写成数字（元），例如 25000 或 25000.50' },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/秘密名字|330327197501/);
    const audit = (await sql<{ action: string; detail: string }>`SELECT action, detail FROM audit_log WHERE action = 'warnings.import'`.execute(store.db)).rows;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ source: 'medical', file: '医保.csv', fileHash: job.fileHash, rows: 1201, warnings: 600, rejected: 1 });

    const again = await jobs.start({ source: 'medical', fileName: '医保.csv', bytes, actor: 'county' });
    await jobs.idle();
    expect(await store.repos.signalImports.find(again)).toMatchObject({ status: 'done', warnings: 0, duplicates: 600 });
    expect((await store.repos.signalImports.list(10)).map((j) => j.id)).toEqual([again, started]);
    // The rule preview keeps this import's amounts and nothing else.
    const kept = (await store.repos.warningRules.figures(await store.repos.regions.onlyCounty()))[0]!;
    expect([kept.importId, kept.figures.source, (kept.figures as { amounts: number[] }).amounts.length]).toEqual([again, 'medical', 1200]);
  });

  it('a file that cannot be read, or lacks a column, fails with the reason in plain words', async () => {
    const jobs = createSignalImportJobs({ store, vault, parse: (task) => parseSignalFile(task, vault) });
    const missing = await jobs.start({ source: 'death', fileName: '死亡.csv', bytes: Buffer.from('身份证号,姓名\r\n'), actor: 'county' });
    const broken = await jobs.start({ source: 'death', fileName: '死亡.xlsx', bytes: Buffer.from('not a workbook'), actor: 'county' });
    await jobs.idle();
    expect(await store.repos.signalImports.find(missing)).toMatchObject({ status: 'failed', message: '第 1 行（表头）缺少这些列：区划代码、死亡日期、年龄' });
    expect((await store.repos.signalImports.find(broken))!.message).toContain('文件读不出来');
  });
});
