import fs from 'node:fs';
import { readRoster } from '../domain/register-import';
import { RosterHeaderError } from '../../shared/register/roster';
import { CommandError, required, type BaseContext } from './context';

// What import-register and import-signals share.

/** The rows of the CSV or XLSX file named by --file, and its bytes (the audit keeps their hash). */
export async function readImportFile(ctx: BaseContext): Promise<{ file: string; bytes: Buffer; table: string[][] }> {
  const file = required(ctx, 'file');
  if (!fs.existsSync(file)) throw new CommandError(`找不到文件：${file}`);
  try {
    const bytes = fs.readFileSync(file);
    return { file, bytes, table: await readRoster(bytes, file) };
  } catch (err) {
    throw new CommandError(`文件读不出来：${(err as Error).message}`);
  }
}

/** Big files say how far they are; on stderr, so stdout stays one JSON document. */
export function progressFor(table: readonly unknown[]) {
  return table.length > 2000 ? (done: number, total: number) => void process.stderr.write(`已处理 ${done} / ${total} 行\n`) : undefined;
}

/** A roster with the wrong columns is the operator's to fix: the message, not a stack trace (signal files say so through their job). */
export async function sayingHeaderErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof RosterHeaderError) throw new CommandError(err.message);
    throw err;
  }
}

export function rejectedLines(rejected: ReadonlyArray<{ row: number; reason: string }>): string[] {
  return rejected.map((r) => `  第 ${r.row} 行：${r.reason}`);
}
