import { webcrypto } from 'node:crypto';
import { chinaDate } from '../../shared/register/cadence';
import type { SignalSource } from '../../shared/warnings/sources';
import type { Store } from '../db/store';
import { nowIso } from './clock';
import type { Vault } from './crypto';
import type { SignalParseOutcome, SignalParseTask } from './signal-parse';
import type { PreparedSignal } from './signal-prepare';
import { matchSignals, townshipIndex, warningRulesOn } from './warning-import';

export interface SignalUpload {
  source: SignalSource;
  fileName: string;
  bytes: Uint8Array;
  actor: string;
  clientIp?: string;
  /** The importing admin's county (#16); left out (the command line): the only county. */
  county?: string | null;
}

export interface SignalImportJobs {
  /** Records the job and starts it in the background; resolves with its id as soon as it is recorded. */
  start(upload: SignalUpload): Promise<number>;
  /** Resolves when every job started here has ended (shutdown, tests). */
  idle(): Promise<void>;
  /** Marks jobs whose server stopped mid-import as failed, so the page does not wait on them for ever. */
  failStale(): Promise<number>;
}

export const IMPORT_FAILED = '导入中途出错了。已发出的预警不会重复，请稍后把同一个文件再导入一次';
export const IMPORT_INTERRUPTED = '导入中途停了（服务重新启动过）。已发出的预警不会重复，请把同一个文件再导入一次';
/** A running job records progress about once a second; one silent this long has lost its server. */
const STALE_MS = 10 * 60_000;

/** SHA-256 on the thread pool, not the event loop: a large file's hash would otherwise hold up residents. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/**
 * 数据预警导入 as a background job, from the county's page or the CLI. The file is read, checked and prepared (keyed
 * hashes, encryption) on a worker thread (`parse`); the prepared rows are then matched here in short batches, the
 * job's progress recorded about once a second, so any app server can report it. The import is audited (who, file
 * hash, counts) when it ends.
 */
export function createSignalImportJobs(deps: {
  store: Store;
  vault: Vault;
  parse: (task: SignalParseTask) => Promise<SignalParseOutcome>;
  onError?: (err: unknown) => void;
  /** Besides the job's row (the CLI's progress line). */
  onProgress?: (done: number, total: number) => void;
}): SignalImportJobs {
  const { store, vault } = deps;
  const running = new Set<Promise<void>>();

  async function run(id: number, upload: SignalUpload, fileHash: string): Promise<void> {
    const jobs = store.repos.signalImports;
    await jobs.progress(id, { status: 'parsing', rowsDone: 0, rowsTotal: 0, now: nowIso() });
    const now = nowIso();
    const today = chinaDate(now);
    const parsed = await deps.parse({
      bytes: upload.bytes,
      fileName: upload.fileName,
      source: upload.source,
      townships: await townshipIndex(store, upload.county ?? null),
      today,
      rules: await warningRulesOn(store, today, upload.county ?? null),
    });
    if (!parsed.ok) {
      await jobs.fail(id, parsed.message, nowIso());
      await store.repos.audit.record({
        actor: upload.actor,
        action: 'warnings.import_refused',
        target: `signal_import:${id}`,
        detail: JSON.stringify({ source: upload.source, file: upload.fileName, fileHash, reason: parsed.message }),
        clientIp: upload.clientIp,
      });
      return;
    }
    await jobs.progress(id, { status: 'matching', rowsDone: 0, rowsTotal: parsed.goodRows, now: nowIso() });
    // Each batch's JSON is read just before it is matched: small steps, never one long one.
    const batches = (function* () {
      for (const text of parsed.batches) yield JSON.parse(text) as PreparedSignal[];
    })();
    const counts = await matchSignals(store, vault, upload.source, batches, parsed.goodRows, now, {
      actor: upload.actor,
      async onProgress(tx, done, total) {
        await tx.repos.signalImports.progress(id, { status: 'matching', rowsDone: done, rowsTotal: total, now: nowIso() });
        deps.onProgress?.(done, total);
      },
    });
    const summary = { rows: parsed.rows, ...counts, rejected: parsed.rejected };
    await store.transaction(async (tx) => {
      await tx.repos.warningRules.keepFigures(upload.county ?? (await tx.repos.regions.onlyCounty()), upload.source, parsed.figuresJson, id, now);
      await tx.repos.signalImports.finish(id, { ...summary, problemsJson: parsed.problemsJson, now: nowIso() });
      await tx.repos.audit.record({
        actor: upload.actor,
        action: 'warnings.import',
        target: `signal_import:${id}`,
        detail: JSON.stringify({ source: upload.source, file: upload.fileName, fileHash, ...summary }),
        clientIp: upload.clientIp,
      });
    });
  }

  return {
    async start(upload) {
      const fileHash = await sha256Hex(upload.bytes);
      const id = await store.repos.signalImports.start({ source: upload.source, fileName: upload.fileName, fileHash, actor: upload.actor, now: nowIso(), county: upload.county });
      const job = run(id, upload, fileHash).catch(async (err: unknown) => {
        deps.onError?.(err);
        await store.repos.signalImports.fail(id, IMPORT_FAILED, nowIso()).catch(() => undefined);
      });
      running.add(job);
      void job.finally(() => running.delete(job));
      return id;
    },
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
    failStale: () => store.repos.signalImports.failStale(new Date(Date.now() - STALE_MS).toISOString(), IMPORT_INTERRUPTED, nowIso()),
  };
}
