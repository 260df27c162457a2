import { ruleFiguresOf } from '../../shared/warnings/figures';
import type { WarningParameterValues } from '../../shared/warnings/parameters';
import { parseSignals, SignalHeaderError } from '../../shared/warnings/rows';
import type { SignalSource } from '../../shared/warnings/sources';
import type { Vault } from './crypto';
import { readRoster } from './register-import';
import { preparedBatches } from './signal-prepare';
import { SIGNAL_BATCH, townshipLookup } from './warning-import';

/** What a worker thread needs to read one department's file: plain data only (the data keys are the worker's own). */
export interface SignalParseTask {
  bytes: Uint8Array;
  fileName: string;
  source: SignalSource;
  /** Region code → township, from warning-import's townshipIndex. */
  townships: Record<string, string>;
  today: string;
  /** The warning rules in force today (warningRulesOn), applied here so matching only looks up and writes. */
  rules: WarningParameterValues;
}

/**
 * The parsed file as the request thread takes it back cheaply: the good rows prepared for matching (./signal-prepare.ts)
 * as JSON text in batches (each parsed just before its batch is matched, so no single step holds the event loop), the
 * error lines and the rule figures as ready-to-store JSON text.
 */
export type SignalParseOutcome =
  | { ok: true; rows: number; goodRows: number; batches: string[]; rejected: number; problemsJson: string; figuresJson: string }
  | { ok: false; message: string };

export const FILE_UNREADABLE = '文件读不出来，请确认是 .csv 或 .xlsx 文件（CSV 可以是 UTF-8 或 GBK 编码）';

/**
 * CSV (BOM or GBK) or XLSX → checked rows, prepared for matching with the vault's keys. Meant for a worker thread:
 * 200,000 rows take a few seconds of CPU.
 */
export async function parseSignalFile(task: SignalParseTask, vault: Vault, batch = SIGNAL_BATCH): Promise<SignalParseOutcome> {
  let table: string[][];
  try {
    table = await readRoster(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.fileName);
  } catch {
    return { ok: false, message: FILE_UNREADABLE };
  }
  try {
    const parsed = parseSignals(task.source, table, townshipLookup(task.townships), task.today);
    return {
      ok: true,
      rows: parsed.rows,
      goodRows: parsed.signals.length,
      batches: preparedBatches(vault, task.source, parsed.signals, task.rules, batch),
      rejected: parsed.rejected.length,
      problemsJson: JSON.stringify(parsed.problems),
      figuresJson: JSON.stringify(ruleFiguresOf(task.source, parsed.signals)),
    };
  } catch (err) {
    if (err instanceof SignalHeaderError) return { ok: false, message: err.message };
    throw err;
  }
}
