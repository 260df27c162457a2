import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Store } from '../db/store';
import type { LedgerFilter } from '../repositories/ledger';
import type { Vault } from './crypto';
import { LEDGER_HEADER, ledgerRows } from './ledger';

type Batches = Iterable<Array<Array<string | number | null>>> | AsyncIterable<Array<Array<string | number | null>>>;

/**
 * The ledger as a streamed XLSX workbook: rows are committed as they are written, so 100k cases
 * never sit in memory at once.
 */
export function ledgerXlsx(store: Store, vault: Vault, filter: LedgerFilter, unmasked: boolean, now: string): Readable {
  return xlsxOf('台账', LEDGER_HEADER, ledgerRows(store, vault, filter, unmasked, now));
}

/** Any 台账 (cases or the register) as a streamed workbook: one sheet, a bold frozen header, rows in batches. */
export function xlsxOf(sheetName: string, header: string[], batches: Batches): Readable {
  const out = new PassThrough();
  void write(out, sheetName, header, batches);
  return out;
}

async function write(out: PassThrough, sheetName: string, header: string[], batches: Batches): Promise<void> {
  try {
    // Loaded on first export only: ExcelJS is large, and most days nobody exports.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = header.map((title) => ({ header: title, width: Math.max(10, title.length * 2 + 4) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const batch of batches) {
      for (const cells of batch) sheet.addRow(cells).commit();
      // Wait for a slow download to catch up, so the workbook never piles up in memory.
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      else await new Promise((resolve) => setImmediate(resolve));
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  } catch (err) {
    out.destroy(err as Error);
  }
}
