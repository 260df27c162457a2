import { Readable } from 'node:stream';
import { chinaDate } from '../../shared/register/cadence';
import type { MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
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
import { createAdminStatsRepository, type StatsRange } from '../repositories/admin-stats';
import { createHouseholdsRepository } from '../repositories/households';
import { createLedgerRepository, type LedgerFilter } from '../repositories/ledger';
import { createRegionsRepository } from '../repositories/regions';
import { createRegisterLedgerRepository, type RegisterLedgerFilter } from '../repositories/register-ledger';
import { sendThroughPort } from './port-stream';

// 数据预警导入's file reading runs on this pool too (it needs no database).
export { parseSignalFile } from '../domain/signal-parse';

/**
 * The report worker: statistics and the ledger export run here, on a thread of their own with a read-only
 * connection to the same database file. WAL lets this reader run beside the request thread's writer, so
 * a county-wide report never holds up a resident. The SQL stays in the repositories.
 */
export interface ReportWorkerData {
  file: string;
  keys: { encryption: Buffer; index: Buffer };
}
export interface StatsTask {
  range: StatsRange;
  township?: string;
}
export interface LedgerTask {
  port: MessagePort;
  format: 'csv' | 'xlsx';
  filter: LedgerFilter;
  unmasked: boolean;
  now: string;
}

const { file, keys } = workerData as ReportWorkerData;

function openReader() {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return {
    repos: {
      regions: createRegionsRepository(db),
      adminStats: createAdminStatsRepository(db),
      ledger: createLedgerRepository(db),
      households: createHouseholdsRepository(db),
      registerLedger: createRegisterLedgerRepository(db),
    },
    vault: createVault(keys),
  };
}
let reader: ReturnType<typeof openReader> | undefined;
// Opened on the first task: a thread that is started and never used costs no connection.
const open = () => (reader ??= openReader());

/** County statistics, the register's counts (visits due and overdue, re-checks due, category and level) with them. */
export function stats({ range, township }: StatsTask): StatsInfo {
  const { repos, vault } = open();
  return {
    ...countyStats(repos, range, township),
    help: helpStats(repos, vault, range, township),
    warnings: warningStats(repos, vault, range, township),
    register: summarizeRegister(repos, chinaDate(range.now), township),
  };
}

export interface RegisterLedgerTask {
  port: MessagePort;
  format: 'csv' | 'xlsx';
  filter: RegisterLedgerFilter;
  unmasked: boolean;
}

export async function registerLedger({ port, format, filter, unmasked }: RegisterLedgerTask): Promise<void> {
  const { repos, vault } = open();
  const source =
    format === 'csv'
      ? Readable.from(registerLedgerCsv(repos, vault, filter, unmasked))
      : xlsxOf('在册名单', REGISTER_LEDGER_HEADER, registerLedgerRows(repos, vault, filter, unmasked));
  await sendThroughPort(port, source);
}

export function registerSummary({ today }: { today: string }): RegisterSummaryInfo {
  return summarizeRegister(open().repos, today);
}

export async function ledger({ port, format, filter, unmasked, now }: LedgerTask): Promise<void> {
  const { repos, vault } = open();
  const source = format === 'csv' ? Readable.from(ledgerCsv(repos, vault, filter, unmasked, now)) : ledgerXlsx(repos, vault, filter, unmasked, now);
  await sendThroughPort(port, source);
}
