import { Readable } from 'node:stream';
import { chinaDate } from '../../shared/register/cadence';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { workerData } from 'piscina';
import type { StatsInfo } from '../../shared/schemas/admin-reports';
import type { RegisterSummaryInfo } from '../../shared/schemas/register-import';
import { countyStats } from '../domain/admin-stats';
import { createVault } from '../domain/crypto';
import { helpStats } from '../domain/help-stats';
import { warningStats } from '../domain/warning-stats';
import { ledgerCsv } from '../domain/ledger';
import { ledgerXlsx, xlsxOf } from '../domain/ledger-xlsx';
import { REGISTER_LEDGER_HEADER, registerLedgerCsv, registerLedgerRows } from '../domain/register-ledger';
import { registerSummary as summarizeRegister } from '../domain/register-summary';
import type { StatsRange } from '../repositories/admin-stats';
import type { LedgerFilter } from '../repositories/ledger';
import type { RegisterLedgerFilter } from '../repositories/register-ledger';
import { sendThroughPort } from './port-stream';
import { parseSignalFile as parseWithKeys, type SignalParseOutcome, type SignalParseTask } from '../domain/signal-parse';
import { openWorkerStore, type WorkerStoreOptions } from './worker-store';


/**
 * The report worker: statistics and the ledger export run here, on a thread of their own with their own
 * read-only connection (./worker-store.ts), on the streaming standby when there is one. The SQL stays in the
 * repositories.
 */
export type ReportWorkerData = WorkerStoreOptions & {
  keys: { encryption: Buffer; index: Buffer };
};
export interface StatsTask {
  range: StatsRange;
  /** A township or a county code (#16); left out: every county. */
  place?: string;
}
export interface LedgerTask {
  port: MessagePort;
  format: 'csv' | 'xlsx';
  filter: LedgerFilter;
  unmasked: boolean;
  now: string;
}

const data = workerData as ReportWorkerData;

/** What the request thread's log should hear (server/reports/pool.ts): the standby going away or coming back. */
export interface WorkerWarning {
  reportWarning: string;
}
const warn = (message: string) => parentPort?.postMessage({ reportWarning: message } satisfies WorkerWarning);

function openReader() {
  return { read: openWorkerStore(data, warn), vault: createVault(data.keys) };
}
let reader: ReturnType<typeof openReader> | undefined;
/** The store this task reads from, with the vault. Opened on the first task: a thread never used costs no connection. */
async function open() {
  reader ??= openReader();
  return { ...(await reader.read()), vault: reader.vault };
}

/** County statistics, the register's counts (visits due and overdue, re-checks due, category and level) with them. */
export async function stats({ range, place }: StatsTask): Promise<StatsInfo> {
  const { store, vault } = await open();
  return {
    ...(await countyStats(store, range, place)),
    help: await helpStats(store, vault, range, place),
    warnings: await warningStats(store, vault, range, place),
    register: await summarizeRegister(store, chinaDate(range.now), place),
  };
}

export interface RegisterLedgerTask {
  port: MessagePort;
  format: 'csv' | 'xlsx';
  filter: RegisterLedgerFilter;
  unmasked: boolean;
}

export async function registerLedger({ port, format, filter, unmasked }: RegisterLedgerTask): Promise<void> {
  const { registerLedger: repository, vault } = await open();
  const repos = { registerLedger: repository };
  const source =
    format === 'csv'
      ? Readable.from(registerLedgerCsv(repos, vault, filter, unmasked))
      : xlsxOf('在册名单', REGISTER_LEDGER_HEADER, registerLedgerRows(repos, vault, filter, unmasked));
  await sendThroughPort(port, source);
}

export async function registerSummary({ today, place }: { today: string; place?: string }): Promise<RegisterSummaryInfo> {
  return summarizeRegister((await open()).store, today, place);
}

export async function ledger({ port, format, filter, unmasked, now }: LedgerTask): Promise<void> {
  const { store, vault } = await open();
  const source = format === 'csv' ? Readable.from(ledgerCsv(store, vault, filter, unmasked, now)) : ledgerXlsx(store, vault, filter, unmasked, now);
  await sendThroughPort(port, source);
}

let signalVault: ReturnType<typeof createVault> | undefined;
/**
 * 数据预警导入's file reading and preparing (keyed hashes, encryption of what a warning writes) run on this pool too,
 * with the keys this thread was started with; it needs no database.
 */
export function parseSignalFile(task: SignalParseTask): Promise<SignalParseOutcome> {
  return parseWithKeys(task, (signalVault ??= createVault(data.keys)));
}
