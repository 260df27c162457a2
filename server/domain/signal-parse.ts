import { ruleFiguresOf } from '../../shared/warnings/figures';
import { parseSignals, SignalHeaderError } from '../../shared/warnings/rows';
import type { SignalSource } from '../../shared/warnings/sources';
import { readRoster } from './register-import';
import { townshipLookup } from './warning-import';

/** What a worker thread needs to read one department's file: plain data only. */
export interface SignalParseTask {
  bytes: Uint8Array;
  fileName: string;
  source: SignalSource;
  /** Region code → township, from warning-import's townshipIndex. */
  townships: Record<string, string>;
  today: string;
}

/**
 * The parsed file as the request thread takes it back cheaply: the good rows as JSON text in batches of `batch`
 * (each parsed just before its batch is matched, so no single step holds the event loop), the error lines and the
 * rule figures as ready-to-store JSON text.
 */
export type SignalParseOutcome =
  | { ok: true; rows: number; goodRows: number; batches: string[]; rejected: number; problemsJson: string; figuresJson: string }
  | { ok: false; message: string };

export const FILE_UNREADABLE = '文件读不出来，请确认是 .csv 或 .xlsx 文件（CSV 可以是 UTF-8 或 GBK 编码）';

/** CSV (BOM or GBK) or XLSX → checked rows. Meant for a worker thread: 200,000 rows take a few seconds of CPU. */
export async function parseSignalFile(task: SignalParseTask, batch = 500): Promise<SignalParseOutcome> {
  let table: string[][];
  try {
    table = await readRoster(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.fileName);
  } catch {
    return { ok: false, message: FILE_UNREADABLE };
  }
  try {
    const parsed = parseSignals(task.source, table, townshipLookup(task.townships), task.today);
    const batches: string[] = [];
    for (let i = 0; i < parsed.signals.length; i += batch) batches.push(JSON.stringify(parsed.signals.slice(i, i + batch)));
    return {
      ok: true,
      rows: parsed.rows,
      goodRows: parsed.signals.length,
      batches,
      rejected: parsed.rejected.length,
      problemsJson: JSON.stringify(parsed.problems),
      figuresJson: JSON.stringify(ruleFiguresOf(task.source, parsed.signals)),
    };
  } catch (err) {
    if (err instanceof SignalHeaderError) return { ok: false, message: err.message };
    throw err;
  }
}
