import os from 'node:os';
import type { Readable } from 'node:stream';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { StatsInfo } from '../../shared/schemas/admin-reports';
import type { RegisterSummaryInfo } from '../../shared/schemas/register-import';
import type { StatsRange } from '../repositories/admin-stats';
import type { LedgerFilter } from '../repositories/ledger';
import { readableFromPort } from './port-stream';
import type { RegisterLedgerFilter } from '../repositories/register-ledger';
import type { LedgerTask, RegisterLedgerTask, ReportWorkerData, StatsTask, WorkerWarning } from './worker';
import type { SignalParseOutcome, SignalParseTask } from '../domain/signal-parse';

export interface Reports {
  /** Statistics of a place: a township or a county code (#16); left out: every county. */
  stats(range: StatsRange, place?: string): Promise<StatsInfo>;
  /** The register's 台账, masked unless `unmasked` (the caller has written the audit row). */
  registerLedger(format: 'csv' | 'xlsx', filter: RegisterLedgerFilter, unmasked: boolean): Readable;
  /** The register's counts for the county's 在册名单 page. */
  registerSummary(today: string, place?: string): Promise<RegisterSummaryInfo>;
  /** The ledger file as it is produced; destroying it stops the worker's export. */
  ledger(format: 'csv' | 'xlsx', filter: LedgerFilter, unmasked: boolean, now: string): Readable;
  /** 数据预警导入: a department's file read, checked and prepared (keyed hashes, encryption) off the request thread (the bytes move to the worker). */
  parseSignals(task: SignalParseTask): Promise<SignalParseOutcome>;
  close(): Promise<void>;
}

/**
 * Where the worker's code is. `npm start` runs build/server.mjs, next to which esbuild writes
 * build/report-worker.mjs (scripts/build.mjs); from the TypeScript sources (tsx, Vitest) a small
 * entry compiles worker.ts through tsx inside the thread.
 */
const WORKER_FILE = new URL(import.meta.url.endsWith('.mjs') ? './report-worker.mjs' : './worker-from-source.mjs', import.meta.url).href;

/**
 * County reports off the request thread. The pool starts no thread until the first report, lets its
 * thread go after a minute idle (a thread with its own heap costs memory most days nobody uses), and
 * keeps one core for residents on a small machine. What a worker has to say (the standby gone, or back) goes to `warn`.
 */
export function createReports(data: ReportWorkerData, warn: (message: string) => void = (message) => process.emitWarning(message)): Reports {
  let pool: Piscina | undefined;
  let closed = false;
  const start = () => {
    if (closed) throw new Error('reports are closed');
    return (pool ??= listenedTo(new Piscina({
      filename: WORKER_FILE,
      workerData: data,
      minThreads: 0,
      maxThreads: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
      idleTimeout: 60_000,
      // An export waiting for a slow download yields its thread to a statistics request meanwhile.
      concurrentTasksPerWorker: 4,
      // Tasks keep MessagePorts open between turns; Atomics would park the thread between them.
      atomics: 'disabled',
      // When the cores are busy, the thread answering residents goes first; a report can wait a little longer.
      niceIncrement: 10,
    })));
  };
  const listenedTo = (piscina: Piscina) =>
    piscina.on('message', (message: Partial<WorkerWarning>) => {
      if (typeof message?.reportWarning === 'string') warn(message.reportWarning);
    });

  return {
    stats: (range, place) => start().run({ range, place } satisfies StatsTask, { name: 'stats' }) as Promise<StatsInfo>,
    registerSummary: (today, place) => start().run({ today, place }, { name: 'registerSummary' }) as Promise<RegisterSummaryInfo>,
    ledger(format, filter, unmasked, now) {
      const { port1, port2 } = new MessageChannel();
      const body = readableFromPort(port1);
      const task: LedgerTask = { port: port2, format, filter, unmasked, now };
      start()
        .run(task, { name: 'ledger', transferList: [port2] })
        .catch((err: unknown) => body.destroy(err instanceof Error ? err : new Error(String(err))));
      return body;
    },
    registerLedger(format, filter, unmasked) {
      const { port1, port2 } = new MessageChannel();
      const body = readableFromPort(port1);
      const task: RegisterLedgerTask = { port: port2, format, filter, unmasked };
      start()
        .run(task, { name: 'registerLedger', transferList: [port2] })
        .catch((err: unknown) => body.destroy(err instanceof Error ? err : new Error(String(err))));
      return body;
    },
    parseSignals(task) {
      // A copy of its own, so the whole buffer can be handed over rather than cloned.
      const bytes = new Uint8Array(task.bytes);
      return start().run({ ...task, bytes }, { name: 'parseSignalFile', transferList: [bytes.buffer] }) as Promise<SignalParseOutcome>;
    },
    async close() {
      closed = true;
      await pool?.destroy();
      pool = undefined;
    },
  };
}
